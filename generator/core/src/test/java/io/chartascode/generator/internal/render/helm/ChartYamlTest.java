package io.chartascode.generator.internal.render.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chartascode.generator.TestApplications;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ChartChange;
import io.chartascode.generator.model.ChartMetadata;
import io.chartascode.generator.model.Maintainer;
import io.chartascode.generator.GeneratedHeader;
import org.junit.jupiter.api.Test;

/** Chart.yaml from the model: the defaults, every field, and annotations that are YAML inside strings. */
class ChartYamlTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static String chartYaml(Application app) {
    return HelmChartRenderer.render(app, GeneratedHeader.DEFAULT).get("Chart.yaml");
  }

  @Test
  void defaults() {
    assertThat(chartYaml(TestApplications.shop().build())).endsWith("""
        apiVersion: v2
        name: shop
        description: shop service
        type: application
        version: "0.1.0"
        appVersion: "0.1.0"
        kubeVersion: ">=1.23.0-0"
        annotations:
          artifacthub.io/images: |
            - name: api
              image: ghcr.io/acme/shop:1.4.0
            - name: test-connection
              image: busybox:1.37.0
        """);
  }

  @Test
  void everyField() throws Exception {
    Application app = TestApplications.shop()
        .chartVersion("1.5.0")
        .appVersion("1.4.0")
        .chartMetadata(ChartMetadata.builder()
            .kubeVersion(">=1.27.0-0")
            .home("https://shop.example.com")
            .icon("https://shop.example.com/icon.svg")
            .source("https://github.com/acme/shop")
            .keywords("shop", "cart")
            .maintainer(Maintainer.of("acme-bot", "bot@acme.example").withUrl("https://github.com/acme-bot"))
            .maintainer(Maintainer.of("jdoe"))
            .link("Support", "https://shop.example.com/support")
            .change(ChartChange.added("Cart API"))
            .change(ChartChange.security("Fixes CVE-2024-0001: \"quoted\" text"))
            .build())
        .build();
    String yaml = chartYaml(app);
    assertThat(yaml).endsWith("""
        apiVersion: v2
        name: shop
        description: shop service
        type: application
        version: "1.5.0"
        appVersion: "1.4.0"
        kubeVersion: ">=1.27.0-0"
        home: https://shop.example.com
        icon: https://shop.example.com/icon.svg
        sources:
          - https://github.com/acme/shop
        keywords:
          - shop
          - cart
        maintainers:
          - name: acme-bot
            email: bot@acme.example
            url: https://github.com/acme-bot
          - name: jdoe
        annotations:
          artifacthub.io/changes: |
            - kind: added
              description: Cart API
            - kind: security
              description: "Fixes CVE-2024-0001: \\"quoted\\" text"
          artifacthub.io/images: |
            - name: api
              image: ghcr.io/acme/shop:1.4.0
            - name: test-connection
              image: busybox:1.37.0
          artifacthub.io/links: |
            - name: Support
              url: https://shop.example.com/support
        """);
    // Each annotation is a string that is itself YAML, as Artifact Hub reads it.
    JsonNode annotations = YAML.readTree(yaml).path("annotations");
    assertThat(annotations.path("artifacthub.io/changes").isTextual()).isTrue();
    JsonNode changes = YAML.readTree(annotations.path("artifacthub.io/changes").asText());
    assertThat(changes.get(1).path("description").asText()).isEqualTo("Fixes CVE-2024-0001: \"quoted\" text");
    assertThat(YAML.readTree(annotations.path("artifacthub.io/images").asText()).get(0).path("image").asText())
        .isEqualTo("ghcr.io/acme/shop:1.4.0");
  }
}
