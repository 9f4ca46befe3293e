package io.chartascode.generator.internal.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.chartascode.generator.internal.yaml.YamlMap;
import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.internal.yaml.YamlScalar;
import io.chartascode.generator.internal.yaml.YamlSeq;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * fabric8 objects as trees. Field order is fabric8's {@code @JsonPropertyOrder}; free-form maps
 * (labels, resources) are sorted by key, so no {@code HashMap} order ever reaches a file.
 */
public final class ManifestTrees {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private ManifestTrees() {}

  public static JsonNode toJson(Object fabric8Object) {
    return MAPPER.valueToTree(fabric8Object);
  }

  /**
   * The same tree as {@code YamlTrees.fromJson(toJson(object))}, read straight from Jackson's
   * serializer tokens: rendering converts every object several times, and the intermediate
   * {@code JsonNode} tree was a third of that cost.
   */
  public static YamlNode toYaml(Object fabric8Object) {
    TokenBuffer tokens = new TokenBuffer(MAPPER, false);
    try (JsonParser parser = tokens.asParser()) {
      MAPPER.writeValue(tokens, fabric8Object);
      parser.nextToken();
      return read(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static YamlNode read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        List<YamlMap.Entry> fields = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          parser.nextToken();
          fields.add(new YamlMap.Field(key, read(parser)));
        }
        return new YamlMap(withoutRepeatedKeys(fields));
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(parser));
        }
        return YamlSeq.of(items);
      }
      case VALUE_STRING -> {
        return YamlScalar.string(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        if (parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
            || parser.getBigIntegerValue().bitLength() < Long.SIZE) {
          return YamlScalar.integer(parser.getLongValue());
        }
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return YamlScalar.bool(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return YamlScalar.nullValue();
      }
      default -> {
        // Floats have no single spelling; Kubernetes objects use quantities (strings) instead.
      }
    }
    throw new IllegalArgumentException("unsupported value in a manifest: " + parser.getText());
  }

  /**
   * A repeated key (an additional property named like a field) keeps its first place and its last
   * value, as a {@code JsonNode} does. Rare, so the common case only checks.
   */
  private static List<YamlMap.Entry> withoutRepeatedKeys(List<YamlMap.Entry> fields) {
    if (!hasRepeatedKey(fields)) {
      return fields;
    }
    Map<String, Integer> positions = new HashMap<>();
    List<YamlMap.Entry> unique = new ArrayList<>();
    for (YamlMap.Entry entry : fields) {
      Integer earlier = positions.putIfAbsent(((YamlMap.Field) entry).key(), unique.size());
      if (earlier == null) {
        unique.add(entry);
      } else {
        unique.set(earlier, entry);
      }
    }
    return unique;
  }

  private static boolean hasRepeatedKey(List<YamlMap.Entry> fields) {
    if (fields.size() > 8) {
      Set<String> keys = new HashSet<>();
      return !fields.stream().allMatch(field -> keys.add(((YamlMap.Field) field).key()));
    }
    for (int i = 0; i < fields.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (((YamlMap.Field) fields.get(i)).key().equals(((YamlMap.Field) fields.get(j)).key())) {
          return true;
        }
      }
    }
    return false;
  }
}
