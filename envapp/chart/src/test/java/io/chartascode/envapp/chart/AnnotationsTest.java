package io.chartascode.envapp.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Parameter;
import io.chartascode.testing.ChartAsCodeTests;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.Tool;
import io.chartascode.testing.tools.ToolPair;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pod and ServiceAccount annotations come from map parameters: a values file, an environment or
 * {@code --set} extends them, and an empty map renders no field, under both renderers alike.
 */
class AnnotationsTest {
  private static final Parameter<SortedMap<String, String>> POD_ANNOTATIONS =
      Parameter.stringMap("podAnnotations", new TreeMap<>(Map.of("prometheus.io/scrape", "true")))
          .description("Annotations of the pods.").build();
  private static final Parameter<SortedMap<String, String>> SA_ANNOTATIONS =
      Parameter.stringMap("serviceAccount.annotations", new TreeMap<>())
          .description("Annotations of the ServiceAccount, e.g. for workload identity.").build();

  private static final Application APP = annotated();

  private static Application annotated() {
    Application envapp = EnvApp.application();
    Application.Builder app = envapp.toBuilder()
        .parameters(POD_ANNOTATIONS, SA_ANNOTATIONS)
        .workload(envapp.workload().toBuilder().podAnnotations(POD_ANNOTATIONS).build())
        .serviceAccountAnnotations(SA_ANNOTATIONS);
    return app.environment(Environment.builder("gke")
            .namespace("envapp-gke")
            .set(SA_ANNOTATIONS, new TreeMap<>(Map.of("iam.gke.io/gcp-service-account", "envapp@acme.iam.gserviceaccount.com")))
            .set(POD_ANNOTATIONS, new TreeMap<>(Map.of("prometheus.io/scrape", "true", "sidecar.istio.io/inject", "false")))
            .build())
        .build();
  }

  @Test
  void helmAndKustomizeAgreeInEveryEnvironment(@TempDir Path root) {
    Renders.generate(root, java.util.List.of(APP));
    for (ToolPair pair : ToolPair.tested()) {
      for (Environment env : APP.environments()) {
        ChartAsCodeTests.assertSameObjects(pair + " " + env.name(),
            Renders.helmTemplate(pair.helm(), root, APP, env),
            Renders.kustomize(pair.kubectl(), Renders.overlay(root, APP, env)));
      }
    }
  }

  @Test
  void anEnvironmentAndSetExtendTheMaps(@TempDir Path root) {
    Renders.generate(root, java.util.List.of(APP));
    Environment gke = APP.environments().stream().filter(e -> e.name().equals("gke")).findFirst().orElseThrow();

    var objects = Manifests.parse(Renders.helmTemplate(Tool.HELM_3, root, APP, gke,
        "--set", "podAnnotations.linkerd\\.io/inject=disabled"));

    assertThat(objects.get("ServiceAccount/envapp").at("/metadata/annotations").toString())
        .isEqualTo("{\"iam.gke.io/gcp-service-account\":\"envapp@acme.iam.gserviceaccount.com\"}");
    assertThat(objects.get("Deployment/envapp").at("/spec/template/metadata/annotations").toString())
        .isEqualTo("{\"linkerd.io/inject\":\"disabled\",\"prometheus.io/scrape\":\"true\",\"sidecar.istio.io/inject\":\"false\"}");
  }

  @Test
  void anEmptyMapRendersNoField(@TempDir Path root) {
    Renders.generate(root, java.util.List.of(APP));

    var objects = Manifests.parse(Renders.helmTemplateDefaults(Tool.HELM_4, root, APP));

    assertThat(objects.get("ServiceAccount/envapp").at("/metadata").has("annotations")).isFalse();
  }
}
