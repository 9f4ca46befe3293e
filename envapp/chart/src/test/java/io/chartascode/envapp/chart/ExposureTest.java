package io.chartascode.envapp.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.check.Finding;
import io.chartascode.generator.check.ModelValidator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.testing.ChartAsCodeTests;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.ToolPair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * showcase's way in: an Ingress in dev and a Gateway API HTTPRoute in prod, each at its
 * environment's host, rendered alike by helm and kustomize with both tool pairs; and the model
 * refuses an environment that turns both on for the same host.
 */
class ExposureTest {
  private static final Application SHOWCASE = Showcase.application();

  private static Environment env(String name) {
    return SHOWCASE.environments().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void devHasTheIngressAtItsHostAndProdTheHttpRouteAtItsOwn(@TempDir Path root) {
    Renders.generate(root, List.of(SHOWCASE));
    for (ToolPair pair : ToolPair.tested()) {
      String devHelm = Renders.helmTemplate(pair.helm(), root, SHOWCASE, env("dev"));
      String prodHelm = Renders.helmTemplate(pair.helm(), root, SHOWCASE, env("prod"));
      ChartAsCodeTests.assertSameObjects(pair + " dev", devHelm, Renders.kustomize(pair.kubectl(), Renders.overlay(root, SHOWCASE, env("dev"))));
      ChartAsCodeTests.assertSameObjects(pair + " prod", prodHelm, Renders.kustomize(pair.kubectl(), Renders.overlay(root, SHOWCASE, env("prod"))));

      var dev = Manifests.parse(devHelm);
      assertThat(dev).doesNotContainKey("HTTPRoute/showcase");
      var ingress = dev.get("Ingress/showcase");
      assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("showcase.dev.example.com");
      assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo("showcase.dev.example.com");
      assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asText()).isEqualTo("showcase");
      assertThat(ingress.at("/metadata/annotations").toString()).isEqualTo("{\"nginx.ingress.kubernetes.io/proxy-body-size\":\"1m\"}");

      var prod = Manifests.parse(prodHelm);
      assertThat(prod).doesNotContainKey("Ingress/showcase");
      var route = prod.get("HTTPRoute/showcase");
      assertThat(route.at("/apiVersion").asText()).isEqualTo("gateway.networking.k8s.io/v1");
      assertThat(route.at("/spec/hostnames").toString()).isEqualTo("[\"showcase.example.com\"]");
      assertThat(route.at("/spec/rules/0/backendRefs").toString()).isEqualTo("[{\"name\":\"showcase\",\"port\":80}]");
    }
  }

  @Test
  void aValuesFileMovesTheHostOfRuleAndCertificateTogether(@TempDir Path root) {
    Renders.generate(root, List.of(SHOWCASE));
    String helm = Renders.helmTemplate(ToolPair.tested().get(0).helm(), root, SHOWCASE, env("dev"), "--set", "host=showcase.qa.example.com");

    var ingress = Manifests.parse(helm).get("Ingress/showcase");
    assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("showcase.qa.example.com");
    assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo("showcase.qa.example.com");
  }

  @Test
  void bothOnForTheSameHostIsRefused() {
    Application both = SHOWCASE.toBuilder()
        .environment(Environment.builder("migration").set(Showcase.INGRESS_ENABLED, true).set(Showcase.HTTP_ROUTE_ENABLED, true).build())
        .build();

    assertThat(ModelValidator.check(List.of(both))).extracting(Finding::toString).containsExactly(
        "[CAC-ROUTE-005] showcase.httpRoute.rules[0].matches[0]: claims host showcase.example.com, prefix path / in"
            + " environment migration, as showcase.ingress.rules[0].paths[0] does; give one another host or path, or"
            + " enable only one of them there");
  }
}
