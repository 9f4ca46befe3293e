package io.chartascode.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SortedMap;
import java.util.TreeMap;

/** Rendered multi-document YAML as objects keyed by {@code Kind/name}. */
public final class Manifests {
  private static final YAMLMapper YAML = new YAMLMapper();

  private Manifests() {}

  public static SortedMap<String, ObjectNode> parse(String multiDocument) {
    SortedMap<String, ObjectNode> objects = new TreeMap<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(multiDocument)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
          continue;
        }
        String key = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
        if (objects.put(key, (ObjectNode) doc) != null) {
          throw new AssertionError("two objects are named " + key);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }

  public static JsonNode parseOne(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
