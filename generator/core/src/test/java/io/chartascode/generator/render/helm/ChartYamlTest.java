package io.chartascode.generator.render.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ChartChange;
import io.chartascode.generator.model.ChartMetadata;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.ContainerPort;
import io.chartascode.generator.model.Image;
import io.chartascode.generator.model.Maintainer;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.ServiceExposure;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.model.Workload;
import io.chartascode.generator.render.GeneratedHeader;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import org.junit.jupiter.api.Test;

/** Chart.yaml from the model: the defaults, every field, and annotations that are YAML inside strings. */
class ChartYamlTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Application.Builder shop() {
    Container api = Container.builder("api")
        .image(new Image(Value.fixed("ghcr.io/acme"), Value.fixed("shop"), Value.fixed("1.4.0")))
        .port(ContainerPort.http(8080))
        .resources(new Resources(Value.fixed("100m"), Value.fixed("64Mi"), Value.fixed("500m"), Value.fixed("128Mi")))
        .securityContext(new SecurityContextBuilder().withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
            .withNewCapabilities().withDrop("ALL").endCapabilities().build())
        .build();
    return Application.builder("shop")
        .workload(Workload.builder().replicas(Value.fixed(2)).container(api)
            .podSecurityContext(new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(1000L).build())
            .build())
        .service(ServiceExposure.clusterIp(Value.fixed(80), "http"));
  }

  private static String chartYaml(Application app) {
    return HelmChartRenderer.render(app, GeneratedHeader.DEFAULT).get("Chart.yaml");
  }

  @Test
  void defaults() {
    assertThat(chartYaml(shop().build())).endsWith("""
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
    Application app = shop()
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
