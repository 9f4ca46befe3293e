package io.chartascode.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares two renders object by object and field by field. Types matter: {@code 8080} and
 * {@code "8080"} differ. The only things normalised away are Helm's bookkeeping labels on object
 * metadata, which Kustomize has no reason to produce.
 */
public final class ManifestComparison {
  static final List<String> HELM_BOOKKEEPING_LABELS =
      List.of("helm.sh/chart", "app.kubernetes.io/managed-by");

  private ManifestComparison() {}

  /** One field that differs; a missing side is shown as {@code <absent>}. */
  public record Difference(String object, String path, String left, String right) {
    @Override
    public String toString() {
      return object + " " + path + ": " + left + " != " + right;
    }
  }

  public static List<Difference> compare(
      SortedMap<String, ObjectNode> left, SortedMap<String, ObjectNode> right) {
    List<Difference> differences = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(left.keySet());
    keys.addAll(right.keySet());
    for (String key : keys) {
      JsonNode a = normalise(left.get(key));
      JsonNode b = normalise(right.get(key));
      if (a == null || b == null) {
        differences.add(new Difference(key, "/", a == null ? "<absent>" : "<object>", b == null ? "<absent>" : "<object>"));
      } else {
        compare(key, "", a, b, differences);
      }
    }
    return differences;
  }

  /** A message listing every difference, or empty when there is none. */
  public static String report(List<Difference> differences) {
    return differences.stream().map(d -> "  " + d).collect(Collectors.joining("\n"));
  }

  private static JsonNode normalise(ObjectNode object) {
    if (object == null) {
      return null;
    }
    ObjectNode copy = object.deepCopy();
    JsonNode labels = copy.path("metadata").path("labels");
    if (labels instanceof ObjectNode l) {
      HELM_BOOKKEEPING_LABELS.forEach(l::remove);
    }
    return copy;
  }

  private static void compare(String object, String path, JsonNode a, JsonNode b, List<Difference> out) {
    if (a.isObject() && b.isObject()) {
      TreeSet<String> fields = new TreeSet<>();
      a.fieldNames().forEachRemaining(fields::add);
      b.fieldNames().forEachRemaining(fields::add);
      for (String f : fields) {
        String p = path + "/" + f;
        if (!a.has(f) || !b.has(f)) {
          out.add(new Difference(object, p, show(a.get(f)), show(b.get(f))));
        } else {
          compare(object, p, a.get(f), b.get(f), out);
        }
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        compare(object, path + "/" + i, a.get(i), b.get(i), out);
      }
    } else if (!a.equals(b)) {
      out.add(new Difference(object, path, show(a), show(b)));
    }
  }

  private static String show(JsonNode node) {
    if (node == null) {
      return "<absent>";
    }
    return node.isTextual() ? "\"" + node.textValue() + "\" (string)" : node + " (" + node.getNodeType().name().toLowerCase() + ")";
  }

}
