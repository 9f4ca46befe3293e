package io.chartascode.importer.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartascode.generator.internal.k8s.Labels;
import io.chartascode.generator.internal.k8s.Manifest;
import io.chartascode.generator.internal.ProjectFiles;
import io.chartascode.generator.internal.k8s.ManifestFactory;
import io.chartascode.generator.internal.k8s.ManifestTrees;
import io.chartascode.generator.model.Application;
import io.chartascode.importer.read.InputObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the input objects with what the imported model renders, field by field, so that
 * nothing the model cannot say is dropped silently.
 *
 * <p>The model's side is {@link ManifestFactory#concrete} at the defaults with the labels every
 * output adds ({@code app.kubernetes.io/name}, {@code instance} and {@code version}). The input's
 * namespace is left out (it belongs to an environment), and so are Helm's bookkeeping labels, which
 * the generated chart writes again. Objects are matched by kind: the model has one of each. Lists
 * whose items all have a unique {@code name} (containers, env, ports, volumes) are matched by name,
 * so one missing item is one difference rather than a shifted list.
 */
public final class RenderComparison {
  private static final List<String> HELM_LABELS = List.of("helm.sh/chart", "app.kubernetes.io/managed-by");

  private final InputObject input;
  private final List<Difference> differences;

  private RenderComparison(InputObject input, List<Difference> differences) {
    this.input = input;
    this.differences = differences;
  }

  /** Every difference, object by object in the model's order, fields in name order. */
  public static List<Difference> compare(Application app, List<InputObject> imported) {
    List<Difference> differences = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> rendered : render(app).entrySet()) {
      String kind = rendered.getValue().path("kind").asText();
      String name = rendered.getValue().path("metadata").path("name").asText();
      // The model has one object of each kind, but one ConfigMap per configuration.
      Optional<InputObject> input = imported.stream()
          .filter(o -> o.kind().equals(kind) && (!kind.equals("ConfigMap") || o.name().equals(name)))
          .findFirst();
      if (input.isEmpty()) {
        differences.add(new Difference(kind + "/" + name, "", "", "absent", "added by the model", "not in the input"));
        continue;
      }
      new RenderComparison(input.get(), differences).compare(normalise(input.get().tree()), rendered.getValue(), "", "");
    }
    return differences;
  }

  private static Map<String, ObjectNode> render(Application app) {
    Map<String, ObjectNode> objects = new LinkedHashMap<>();
    SortedMap<String, String> selector = Labels.selector(app);
    SortedMap<String, String> all = new TreeMap<>(selector);
    all.putAll(Labels.version(app));
    for (Manifest m : ManifestFactory.deployed(app, app.defaults(), ProjectFiles.workingDirectory())) {
      ObjectNode tree = ((ObjectNode) ManifestTrees.toJson(m.object())).deepCopy();
      labels(tree, "/metadata", "labels", all);
      switch (m.kind()) {
        case "Deployment" -> {
          labels(tree, "/spec/selector", "matchLabels", selector);
          labels(tree, "/spec/template/metadata", "labels", all);
        }
        case "Service" -> labels(tree, "/spec", "selector", selector);
        default -> { }
      }
      objects.put(m.kind() + "/" + m.object().getMetadata().getName(), tree);
    }
    return objects;
  }

  /** Adds the labels every output adds to those the object has (a pod template's extra labels). */
  private static void labels(ObjectNode tree, String parent, String field, Map<String, String> labels) {
    ObjectNode owner = (ObjectNode) tree.at(parent);
    ObjectNode map = owner.get(field) instanceof ObjectNode existing ? existing : owner.putObject(field);
    labels.forEach(map::put);
  }

  private static JsonNode normalise(ObjectNode input) {
    ObjectNode copy = input.deepCopy();
    JsonNode metadata = copy.path("metadata");
    if (metadata instanceof ObjectNode m) {
      m.remove("namespace");
      if (m.path("labels") instanceof ObjectNode labels) {
        labels.remove(HELM_LABELS.get(0));
        if (labels.path(HELM_LABELS.get(1)).asText().equals("Helm")) {
          labels.remove(HELM_LABELS.get(1));
        }
      }
    }
    return copy;
  }

  private void compare(JsonNode in, JsonNode model, String pointer, String path) {
    if (in == null || model == null) {
      differences.add(new Difference(input.id(), path, pointer, show(in), show(model), input.where(pointer)));
    } else if (in.isObject() && model.isObject()) {
      TreeSet<String> fields = new TreeSet<>();
      in.fieldNames().forEachRemaining(fields::add);
      model.fieldNames().forEachRemaining(fields::add);
      for (String f : fields) {
        compare(in.get(f), model.get(f), pointer + "/" + f.replace("~", "~0").replace("/", "~1"), field(path, f));
      }
    } else if (in.isArray() && model.isArray()) {
      if (named(in) && named(model)) {
        compareByName(in, model, pointer, path);
      } else {
        for (int i = 0; i < Math.max(in.size(), model.size()); i++) {
          compare(in.get(i), model.get(i), pointer + "/" + i, path + "[" + i + "]");
        }
      }
    } else if (!same(in, model, pointer)) {
      differences.add(new Difference(input.id(), path, pointer, show(in), show(model), input.where(pointer)));
    }
  }

  private void compareByName(JsonNode in, JsonNode model, String pointer, String path) {
    Map<String, Integer> inIndex = index(in);
    Map<String, Integer> modelIndex = index(model);
    List<String> inOrder = new ArrayList<>(inIndex.keySet());
    List<String> modelOrder = new ArrayList<>(modelIndex.keySet());
    for (String name : inOrder) {
      int i = inIndex.get(name);
      Integer j = modelIndex.get(name);
      compare(in.get(i), j == null ? null : model.get(j), pointer + "/" + i, path + "[" + name + "]");
    }
    for (String name : modelOrder) {
      if (!inIndex.containsKey(name)) {
        compare(null, model.get(modelIndex.get(name)), pointer, path + "[" + name + "]");
      }
    }
    List<String> common = new ArrayList<>(inOrder);
    common.retainAll(modelOrder);
    List<String> commonModel = new ArrayList<>(modelOrder);
    commonModel.retainAll(inOrder);
    if (!common.equals(commonModel)) {
      differences.add(new Difference(
          input.id(), path, pointer, "order " + common, "order " + commonModel, input.where(pointer)));
    }
  }

  private static boolean named(JsonNode array) {
    Set<String> names = new HashSet<>();
    for (JsonNode item : array) {
      if (!item.path("name").isTextual() || !names.add(item.path("name").asText())) {
        return false;
      }
    }
    return !array.isEmpty();
  }

  private static Map<String, Integer> index(JsonNode array) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < array.size(); i++) {
      index.put(array.get(i).path("name").asText(), i);
    }
    return index;
  }

  /**
   * Equal values; numbers by value ({@code 3} and {@code 3.0}), and a resource quantity written
   * as a number ({@code cpu: 1}) equal to its text ({@code "1"}), as Kubernetes reads both.
   */
  private static boolean same(JsonNode in, JsonNode model, String pointer) {
    if (in.equals(model)) {
      return true;
    }
    if (in.isNumber() && model.isNumber()) {
      return in.decimalValue().compareTo(model.decimalValue()) == 0;
    }
    return pointer.contains("/resources/") && in.isValueNode() && model.isValueNode()
        && in.asText().equals(model.asText());
  }

  private static String field(String path, String name) {
    if (name.matches("[A-Za-z0-9_]+")) {
      return path.isEmpty() ? name : path + "." + name;
    }
    return path + "[\"" + name + "\"]";
  }

  static String show(JsonNode node) {
    if (node == null) {
      return "absent";
    }
    String text = node.toString();
    return text.length() > 120 ? text.substring(0, 117) + "..." : text;
  }
}
