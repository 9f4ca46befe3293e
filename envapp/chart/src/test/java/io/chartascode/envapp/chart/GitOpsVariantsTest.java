package io.chartascode.envapp.chart;

import io.chartascode.generator.internal.render.gitops.GitOpsRenderer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.testing.Command;
import io.chartascode.testing.ManifestComparison;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.Tool;
import io.chartascode.testing.tools.ToolPair;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both GitOps variants of the committed tree, run with the real binaries. */
class GitOpsVariantsTest {
  private static final Path GENERATED = Path.of(System.getProperty("generated.dir", "../../generated"));
  private static final Application APP = EnvApp.application();

  static Stream<String> environments() {
    return APP.environments().stream().map(Environment::name);
  }

  static Stream<Arguments> helmsAndEnvironments() {
    return ToolPair.tested().stream().flatMap(p -> environments().map(env -> Arguments.of(p, env)));
  }

  private static Environment env(String name) {
    return APP.environments().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  /** Variant 1: kustomize inflates the chart with helm 3; the result equals the plain overlay. */
  @ParameterizedTest(name = "helmCharts inflation, {0}")
  @MethodSource("environments")
  void helmChartsInflationEqualsThePlainOverlay(String envName) {
    Path overlay = GENERATED.resolve("gitops/envapp/helmcharts/" + envName);
    String inflated =
        Command.run(List.of(Renders.binary(Tool.KUBECTL_1_31), "kustomize", "--enable-helm",
                "--helm-command", Renders.binary(Tool.HELM_3), "--load-restrictor", "LoadRestrictionsNone", overlay.toString()))
            .assertSuccess()
            .stdout();
    var plain = Manifests.parse(Renders.kustomize(Tool.KUBECTL_1_31, Renders.overlay(GENERATED, APP, env(envName))));
    var differences = ManifestComparison.compare(Manifests.parse(inflated), plain);
    assertThat(differences).as(ManifestComparison.report(differences)).isEmpty();
  }

  /** Kustomize calls `helm version -c`, which Helm 4 removed: why variant 1 needs Helm 3. */
  @ParameterizedTest(name = "helmCharts inflation refuses helm 4, {0}")
  @MethodSource("environments")
  void helmChartsInflationNeedsHelm3(String envName) {
    Command.Result result =
        Command.run(List.of(Renders.binary(Tool.KUBECTL_1_34), "kustomize", "--enable-helm",
            "--helm-command", Renders.binary(Tool.HELM_4), "--load-restrictor", "LoadRestrictionsNone",
            GENERATED.resolve("gitops/envapp/helmcharts/" + envName).toString()));
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("unknown shorthand flag: 'c' in -c");
  }

  /**
   * Variant 2: helm 3 runs kustomize.sh by path, helm 4 runs the same directory installed as a
   * postrenderer/v1 plugin. Either way every object gains the environment label and nothing else
   * changes.
   */
  @ParameterizedTest(name = "post-renderer, {0}, {1}")
  @MethodSource("helmsAndEnvironments")
  void postRendererAddsTheEnvironmentLabelAndNothingElse(ToolPair tools, String envName, @TempDir Path helmHome)
      throws IOException {
    Environment env = env(envName);
    String plugin = GitOpsRenderer.pluginName(APP, env);
    Path dir = GENERATED.resolve("gitops/envapp/post-renderer/" + plugin);
    Map<String, String> helmEnv =
        Map.of(
            "HELM_DATA_HOME", helmHome.resolve("data").toString(),
            "HELM_CONFIG_HOME", helmHome.resolve("config").toString(),
            "HELM_CACHE_HOME", helmHome.resolve("cache").toString(),
            "KUBECTL", Renders.binary(tools.kubectl()));
    String postRenderer = dir.resolve("kustomize.sh").toString();
    if (tools.helm() == Tool.HELM_4) {
      Command.run(List.of(Renders.binary(tools.helm()), "plugin", "install", dir.toString()), helmEnv).assertSuccess();
      postRenderer = plugin;
    }
    List<String> template = new ArrayList<>(List.of(Renders.binary(tools.helm()), "template", "envapp",
        Renders.chart(GENERATED, APP).toString(), "-f", Renders.chart(GENERATED, APP).resolve("values-" + envName + ".yaml").toString(),
        "--namespace", env.namespace().orElseThrow(), "--skip-tests"));
    SortedMap<String, ObjectNode> plain = Manifests.parse(Command.run(template, helmEnv).assertSuccess().stdout());
    template.addAll(List.of("--post-renderer", postRenderer));
    SortedMap<String, ObjectNode> rendered = Manifests.parse(Command.run(template, helmEnv).assertSuccess().stdout());

    assertThat(rendered.keySet()).containsExactlyElementsOf(plain.keySet());
    for (ObjectNode object : rendered.values()) {
      assertThat(object.at("/metadata/labels").path(GitOpsRenderer.ENVIRONMENT_LABEL).textValue())
          .as("%s", object.at("/metadata/name")).isEqualTo(envName);
      removeEnvironmentLabel(object.at("/metadata/labels"));
      removeEnvironmentLabel(object.at("/spec/template/metadata/labels"));
    }
    assertThat(ManifestComparison.compare(rendered, plain)).isEmpty();
  }

  /** A tool the user names ($KUBECTL, $KUSTOMIZE) wins over a `kustomize` that happens to be on PATH. */
  @Test
  void postRendererRunsTheToolItIsGivenBeforeAnyOnPath(@TempDir Path tmp) throws IOException {
    Path stubs = Files.createDirectory(tmp.resolve("stubs"));
    writeScript(stubs.resolve("kustomize"), "echo 'the kustomize on PATH ran' >&2; exit 3");
    writeScript(stubs.resolve("named-kustomize"), "echo \"named kustomize: $1\"");
    Path input = tmp.resolve("rendered.yaml");
    Files.writeString(input, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: probe\n");
    String script = GENERATED.resolve("gitops/envapp/post-renderer/envapp-kustomize-dev/kustomize.sh").toString();
    List<String> run = List.of("bash", "-c", "\"$0\" < \"$1\"", script, input.toString());
    String path = stubs + ":" + System.getenv("PATH");

    Command.Result viaKubectl = Command.run(run, Map.of("PATH", path, "KUBECTL", Renders.binary(Tool.KUBECTL_1_31))).assertSuccess();
    assertThat(Manifests.parse(viaKubectl.stdout()).get("ConfigMap/probe").at("/metadata/labels")
        .path(GitOpsRenderer.ENVIRONMENT_LABEL).textValue()).isEqualTo("dev");

    Command.Result viaKustomize = Command.run(run, Map.of("PATH", path, "KUSTOMIZE", stubs.resolve("named-kustomize").toString()));
    assertThat(viaKustomize.assertSuccess().stdout()).startsWith("named kustomize: build");

    Command.Result onPath = Command.run(run, Map.of("PATH", path));
    assertThat(onPath.exitCode()).isEqualTo(3);
    assertThat(onPath.stderr()).contains("the kustomize on PATH ran");
  }

  private static void writeScript(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    assertThat(file.toFile().setExecutable(true)).isTrue();
  }

  private static void removeEnvironmentLabel(JsonNode labels) {
    if (labels instanceof ObjectNode l) {
      l.remove(GitOpsRenderer.ENVIRONMENT_LABEL);
    }
  }
}
