package io.chartascode.importer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks of an input object's shape that the readers share. */
final class Shapes {
  private Shapes() {}

  /** Whether {@code node} is a mapping with no field but {@code allowed} (all optional). */
  static boolean onlyFields(JsonNode node, String... allowed) {
    if (!node.isObject()) {
      return false;
    }
    Set<String> names = Set.of(allowed);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      if (!names.contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  /** Whether the label {@code selector}, a mapping with at least one label, matches {@code labels}. */
  static boolean selects(JsonNode selector, JsonNode labels) {
    if (!selector.isObject() || selector.isEmpty()) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      if (!label.getValue().equals(labels.get(label.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** {@code node}, unless it is missing or null. */
  static Optional<JsonNode> present(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
  }
}
