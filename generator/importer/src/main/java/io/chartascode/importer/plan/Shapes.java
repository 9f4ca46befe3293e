package io.chartascode.importer.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
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
}
