package io.chartascode.generator.internal.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.internal.yaml.YamlTrees;

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

  public static YamlNode toYaml(Object fabric8Object) {
    return YamlTrees.fromJson(toJson(fabric8Object));
  }
}
