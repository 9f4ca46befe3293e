package io.chartascode.importer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rendered YAML as objects by {@code Kind/name}, and a strict field-by-field comparison: types
 * matter ({@code 8080} is not {@code "8080"}), list order matters. Only Helm's bookkeeping labels
 * are left out, since plain manifests and Kustomize have no reason to carry them. Independent of
 * the importer's own comparison on purpose.
 */
public final class RenderedObjects {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final List<String> HELM_LABELS = List.of("helm.sh/chart", "app.kubernetes.io/managed-by");

  private RenderedObjects() {}

  public static SortedMap<String, ObjectNode> parse(String multiDocument) {
    SortedMap<String, ObjectNode> objects = new TreeMap<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(multiDocument)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc == null || !doc.isObject() || doc.isEmpty()) {
          continue;
        }
        ObjectNode object = (ObjectNode) doc.deepCopy();
        if (object.path("metadata").path("labels") instanceof ObjectNode labels) {
          HELM_LABELS.forEach(labels::remove);
        }
        String key = object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
        if (objects.put(key, object) != null) {
          throw new AssertionError("two objects are named " + key);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }

  /** Every difference as {@code Kind/name /path: left != right}; empty when equal. */
  public static List<String> differences(SortedMap<String, ObjectNode> left, SortedMap<String, ObjectNode> right) {
    List<String> out = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(left.keySet());
    keys.addAll(right.keySet());
    for (String key : keys) {
      diff(key, "", left.get(key), right.get(key), out);
    }
    return out;
  }

  private static void diff(String object, String path, JsonNode a, JsonNode b, List<String> out) {
    if (a != null && b != null && a.isObject() && b.isObject()) {
      TreeSet<String> fields = new TreeSet<>();
      a.fieldNames().forEachRemaining(fields::add);
      b.fieldNames().forEachRemaining(fields::add);
      fields.forEach(f -> diff(object, path + "/" + f, a.get(f), b.get(f), out));
    } else if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        diff(object, path + "/" + i, a.get(i), b.get(i), out);
      }
    } else if (a == null || !a.equals(b)) {
      out.add(object + " " + (path.isEmpty() ? "/" : path) + ": " + a + " != " + b);
    }
  }
}
