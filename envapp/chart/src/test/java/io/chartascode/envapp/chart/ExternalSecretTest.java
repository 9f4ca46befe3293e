package io.chartascode.envapp.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.testing.ChartAsCodeTests;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.ToolPair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * showcase's ExternalSecret, switched on in an environment that also renames the Secret: Helm and
 * Kustomize render it alike, and it makes exactly the Secret, with exactly the keys, that the
 * pods read.
 */
class ExternalSecretTest {
  @Test
  void theOperatorMakesTheSecretThePodsRead(@TempDir Path root) {
    Environment vaulted = Environment.builder("vaulted")
        .namespace("showcase-vaulted")
        .set(Showcase.EXTERNAL_SECRET, true)
        .set(Showcase.SECRET_STORE, "vault-prod")
        .set(Showcase.CREDENTIALS_SECRET, "showcase-credentials-v2")
        .build();
    Application app = Showcase.application().toBuilder().environment(vaulted).build();
    Renders.generate(root, List.of(app));

    for (ToolPair pair : ToolPair.tested()) {
      String helm = Renders.helmTemplate(pair.helm(), root, app, vaulted);
      ChartAsCodeTests.assertSameObjects(pair + " vaulted", helm, Renders.kustomize(pair.kubectl(), Renders.overlay(root, app, vaulted)));

      SortedMap<String, ObjectNode> objects = Manifests.parse(helm);
      JsonNode spec = objects.get("ExternalSecret/showcase-credentials").path("spec");
      assertThat(spec.at("/secretStoreRef/name").asText()).isEqualTo("vault-prod");
      assertThat(spec.at("/target/name").asText()).isEqualTo("showcase-credentials-v2");
      List<String> keys = new ArrayList<>();
      spec.path("data").forEach(d -> keys.add(d.path("secretKey").asText()));
      assertThat(keys).containsExactlyElementsOf(Showcase.CREDENTIALS.keys().keySet());

      JsonNode pod = objects.get("Deployment/showcase").at("/spec/template/spec");
      pod.at("/containers/0/env").forEach(var -> {
        if (var.at("/valueFrom/secretKeyRef").isObject()) {
          assertThat(var.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("showcase-credentials-v2");
        }
      });
      assertThat(pod.toString()).contains("\"secretName\":\"showcase-credentials-v2\"");
    }
    for (Environment env : Showcase.application().environments()) {
      assertThat(Manifests.parse(Renders.helmTemplate(ToolPair.tested().get(0).helm(), root, app, env)))
          .as("off in %s", env.name()).doesNotContainKey("ExternalSecret/showcase-credentials");
    }
  }
}
