package io.chartascode.generator.internal.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.internal.yaml.YamlTrees;
import io.chartascode.generator.internal.yaml.YamlWriter;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fabric8 objects as trees, read straight from Jackson's tokens: the same tree a JsonNode gives. */
class ManifestTreesTest {
  @Test
  void keepsFabric8sFieldOrderIntegersAndText() {
    var port = new ServicePortBuilder().withName("http").withPort(80).withTargetPort(new IntOrString("http")).build();

    assertThat(YamlWriter.write(ManifestTrees.toYaml(port))).isEqualTo("""
        name: http
        port: 80
        targetPort: http
        """);
  }

  @Test
  void anAdditionalPropertyNamedLikeAFieldKeepsTheFieldsPlaceAndItsOwnValue() {
    var configMap = new ConfigMapBuilder()
        .withNewMetadata().withName("settings").endMetadata()
        .withData(Map.of("a", "1"))
        .addToAdditionalProperties("data", Map.of("b", "2"))
        .build();

    assertThat(YamlWriter.write(ManifestTrees.toYaml(configMap))).isEqualTo("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          b: "2"
        """);
  }

  @Test
  void isTheTreeAJsonNodeGives() {
    var configMap = new ConfigMapBuilder()
        .withNewMetadata().withName("settings").addToLabels("z", "1").addToLabels("a", "2").endMetadata()
        .withData(Map.of("a", "1"))
        .addToAdditionalProperties("data", Map.of("b", "2"))
        .addToAdditionalProperties("extra", 7)
        .build();

    assertThat(ManifestTrees.toYaml(configMap)).isEqualTo(YamlTrees.fromJson(ManifestTrees.toJson(configMap)));
  }
}
