package io.chartascode.envapp.chart;

import io.chartascode.generator.internal.render.gitops.MetricsServerComponent;
import io.chartascode.generator.internal.render.gitops.GitOpsRenderer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.testing.Manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What needs a network or a cluster is checked by structure: the metrics-server component and
 * the Argo CD Applications point at things that exist and agree with the model. (What kustomize
 * does with the component is {@code MetricsServerComponentTest}.)
 */
class GitOpsStructureTest {
  private static final Path GENERATED = Path.of(System.getProperty("generated.dir", "../../generated"));
  private static final Application APP = EnvApp.application();

  @Test
  void metricsServerComponentIsPinnedAndKindReady() throws IOException {
    JsonNode component = read(GENERATED.resolve(MetricsServerComponent.PATH));
    assertThat(component.path("kind").textValue()).isEqualTo("Component");
    JsonNode chart = component.at("/helmCharts/0");
    assertThat(chart.path("name").textValue()).isEqualTo("metrics-server");
    assertThat(chart.path("repo").textValue()).isEqualTo("https://kubernetes-sigs.github.io/metrics-server/");
    assertThat(chart.path("version").textValue()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(chart.path("namespace").textValue()).isEqualTo("kube-system");
    assertThat(chart.path("valuesFile").textValue()).isEqualTo(MetricsServerComponent.VALUES_FILE);
  }

  static Stream<Environment> environments() {
    return APP.environments().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environments")
  void argoApplicationsPointAtTheOverlayAndTheChart(Environment env) throws IOException {
    String prefix = APP.argoCd().orElseThrow().repository().generatedPath() + "/";
    JsonNode kustomize = read(GENERATED.resolve("gitops/envapp/argocd/" + env.name() + "-kustomize.yaml"));
    JsonNode helm = read(GENERATED.resolve("gitops/envapp/argocd/" + env.name() + "-helm.yaml"));
    for (JsonNode app : new JsonNode[] {kustomize, helm}) {
      assertThat(app.path("apiVersion").textValue()).isEqualTo("argoproj.io/v1alpha1");
      assertThat(app.path("kind").textValue()).isEqualTo("Application");
      assertThat(app.at("/spec/destination/namespace").textValue()).isEqualTo(env.namespace().orElseThrow());
      assertThat(app.at("/spec/source/repoURL").textValue()).isEqualTo(APP.argoCd().orElseThrow().repository().url());
      String path = app.at("/spec/source/path").textValue();
      assertThat(path).startsWith(prefix);
      assertThat(GENERATED.resolve(path.substring(prefix.length()))).isDirectory();
    }
    assertThat(kustomize.at("/spec/source/path").textValue()).endsWith("/kustomize/envapp/overlays/" + env.name());
    assertThat(helm.at("/spec/source/helm/releaseName").textValue()).isEqualTo("envapp");
    String values = helm.at("/spec/source/helm/valueFiles/0").textValue();
    assertThat(GENERATED.resolve("helm/envapp").resolve(values)).isRegularFile();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environments")
  void postRendererIsAHelm4PluginNamedLikeItsDirectoryAndAnExecutableForHelm3(Environment env) throws IOException {
    String name = GitOpsRenderer.pluginName(APP, env);
    Path dir = GENERATED.resolve("gitops/envapp/post-renderer/" + name);
    JsonNode plugin = read(dir.resolve("plugin.yaml"));
    assertThat(plugin.path("type").textValue()).isEqualTo("postrenderer/v1");
    assertThat(plugin.path("name").textValue()).isEqualTo(name);
    assertThat(plugin.at("/runtimeConfig/platformCommand/0/command").textValue()).isEqualTo("${HELM_PLUGIN_DIR}/kustomize.sh");
    assertThat(Files.isExecutable(dir.resolve("kustomize.sh"))).isTrue();
  }

  private static JsonNode read(Path file) throws IOException {
    return Manifests.parseOne(Files.readString(file));
  }
}
