package io.chartascode.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.kind.Sandbox.Result;
import io.chartascode.testing.tools.Tool;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy.sh and up.sh against the real helm 3.17.1, helm 4.1.4 and kubectl 1.34.5 (from the testing kit)
 * and the repo's real generated/ tree: the version detection reads their real output, and the commands
 * the scripts print do what they claim with the chart, overlays and GitOps files the generator wrote.
 * Docker, kind and the cluster stay stubbed: nothing here needs an engine.
 */
class RealToolsTest {

  static final String HELM3 = Sandbox.realTool(Tool.HELM_3);
  static final String HELM4 = Sandbox.realTool(Tool.HELM_4);
  static final String KUBECTL = Sandbox.realTool(Tool.KUBECTL_1_34);
  static final String POST_RENDERER = "generated/gitops/envapp/post-renderer/envapp-kustomize-";

  @TempDir Path tmp;
  Sandbox sandbox;

  @BeforeEach
  void realGeneratedTree() {
    // KUBECTL also reaches the post-renderer's kustomize.sh, which runs ${KUBECTL:-kubectl} kustomize.
    sandbox = Sandbox.create(tmp).withGeneratedTree().env("KUBECTL", KUBECTL);
  }

  private static String line(Result result, String containing) {
    return result.stdoutLines().stream().filter(l -> l.contains(containing)).findFirst()
        .orElseThrow(() -> new AssertionError("no line with '" + containing + "' in\n" + result));
  }

  private Result shell(String commandLine) {
    Result result = sandbox.shell(commandLine);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result;
  }

  @Test
  void helm4PostRendererPluginsOfBothEnvsInstallSideBySideAndRender() {
    sandbox.env("HELM", HELM4);
    String helm4 = Sandbox.HELM4_ENV + " " + HELM4;
    for (String env : List.of("dev", "prod")) {
      Result dryRun = sandbox.run("deploy.sh", env, "--via", "post-renderer", "--dry-run");
      assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
      assertThat(sandbox.root.resolve("kind/.work/helm4/plugins/envapp-kustomize-" + env))
          .as("a dry run installs nothing").doesNotExist();

      String install = line(dryRun, " plugin install ");
      assertThat(install).isEqualTo(helm4 + " plugin install " + POST_RENDERER + env);
      assertThat(line(dryRun, " upgrade --install ")).startsWith(helm4 + " upgrade --install envapp ")
          .endsWith("--post-renderer envapp-kustomize-" + env);

      // The printed install, pasted into a shell, installs the plugin the upgrade names, next to the other env's.
      shell(install);
      Result rendered = shell(helm4 + " template envapp generated/helm/envapp --values generated/helm/envapp/values-"
          + env + ".yaml --post-renderer envapp-kustomize-" + env);
      assertThat(rendered.stdout()).contains("app.kubernetes.io/environment: " + env).contains("image: kkrast/envapp:v1");
    }
    assertThat(shell(helm4 + " plugin list").stdout()).contains("envapp-kustomize-dev").contains("envapp-kustomize-prod");
    // Once installed, deploy.sh sees each plugin through the real `helm plugin list` and skips the install.
    for (String env : List.of("dev", "prod")) {
      Result again = sandbox.run("deploy.sh", env, "--via", "post-renderer", "--dry-run");
      assertThat(again.exitCode()).as(again.toString()).isZero();
      assertThat(again.stdout()).doesNotContain("plugin install");
    }
  }

  /** Why Helm 4 gets kind/.work/helm4: if this starts failing, Helm 3 tolerates Helm 4 plugins and it may go. */
  @Test
  void aHelm4PluginInADataHomeSharedWithHelm3BreaksHelm3() {
    String dataHome = "env HELM_DATA_HOME=kind/.work/helm4 HELM_PLUGINS=kind/.work/helm4/plugins ";
    shell(dataHome + HELM4 + " plugin install " + POST_RENDERER + "dev");

    Result list = sandbox.shell(dataHome + HELM3 + " plugin list");
    assertThat(list.exitCode()).isNotZero();
    assertThat(list.stderr()).contains("failed to load plugin").contains("unknown field \"apiVersion\"");
    Result template = sandbox.shell(dataHome + HELM3 + " template envapp generated/helm/envapp");
    assertThat(template.stderr()).contains("failed to load plugins");
  }

  @Test
  void helm3PostRendererPathWorks() {
    Result dryRun = sandbox.env("HELM", HELM3).run("deploy.sh", "dev", "--via", "post-renderer", "--dry-run");
    assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
    String upgrade = line(dryRun, " upgrade --install ");
    assertThat(upgrade).isEqualTo(HELM3 + " upgrade --install envapp generated/helm/envapp --kube-context kind-envapp"
        + " --namespace envapp-dev --create-namespace --values generated/helm/envapp/values-dev.yaml --wait --timeout 5m"
        + " --post-renderer " + POST_RENDERER + "dev/kustomize.sh");

    Result rendered = shell(HELM3 + " template envapp generated/helm/envapp"
        + " --values generated/helm/envapp/values-dev.yaml --post-renderer " + POST_RENDERER + "dev/kustomize.sh");
    assertThat(rendered.stdout()).contains("app.kubernetes.io/environment: dev").contains("image: kkrast/envapp:v1");
  }

  @Test
  void helmchartsInflationWorksWithHelm3AndIsRefusedForHelm4() {
    Result refused = sandbox.env("HELM", HELM4).run("deploy.sh", "prod", "--via", "helmcharts", "--dry-run");
    assertThat(refused.exitCode()).isEqualTo(3);
    assertThat(refused.stderr()).contains("Helm 4.1.4");

    Result dryRun = sandbox.env("HELM3", HELM3).run("deploy.sh", "prod", "--via", "helmcharts", "--dry-run");
    assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
    String pipeline = line(dryRun, " kustomize ");
    String inflate = pipeline.substring(0, pipeline.indexOf(" | "));
    assertThat(inflate).isEqualTo(KUBECTL + " kustomize --enable-helm --helm-command " + HELM3
        + " --load-restrictor LoadRestrictionsNone generated/gitops/envapp/helmcharts/prod");

    Result inflated = shell(inflate);
    assertThat(inflated.stdout())
        .contains("namespace: envapp-prod")
        .contains("value: \"true\"")
        .contains("image: kkrast/envapp:v1")
        .as("helmCharts skips the chart's test pod").doesNotContain("kind: Pod\n");

    // What the refusal protects against: the same command with Helm 4 fails inside kustomize.
    Result withHelm4 = sandbox.shell(inflate.replace(HELM3, HELM4));
    assertThat(withHelm4.exitCode()).isNotZero();
    assertThat(withHelm4.stderr()).contains("unknown shorthand flag: 'c'");
  }

  /** The Deployment's image in `helm template --show-only templates/deployment.yaml`, read here independently. */
  private String chartImage(String env) {
    Result shown = shell(HELM3 + " template envapp generated/helm/envapp --values generated/helm/envapp/values-" + env
        + ".yaml --show-only templates/deployment.yaml");
    return shown.stdoutLines().stream().map(String::trim).filter(l -> l.startsWith("image: "))
        .map(l -> l.substring("image: ".length()).replace("\"", "")).findFirst()
        .orElseThrow(() -> new AssertionError("no image in\n" + shown));
  }

  @Test
  void everyViaBuildsTheImageTheChartDeploys() {
    sandbox.env("HELM3", HELM3);
    for (String env : List.of("dev", "prod")) {
      String expected = "docker build -t " + chartImage(env) + " -f envapp/Dockerfile .";
      assertThat(expected).isEqualTo("docker build -t kkrast/envapp:v1 -f envapp/Dockerfile .");
      for (String helm : List.of(HELM3, HELM4)) {
        for (String via : List.of("helm", "kustomize", "helmcharts", "post-renderer")) {
          Result dryRun = sandbox.env("HELM", helm).run("deploy.sh", env, "--via", via, "--dry-run");
          assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
          assertThat(dryRun.stdoutLines()).as("%s --via %s with %s", env, via, helm).first().isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void realVersionOutputsAreRead() {
    Result result = sandbox.env("HELM", HELM3).run("up.sh", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdoutLines()).hasSize(UpScriptTest.COMMANDS.size());
    assertThat(result.stdoutLines().get(1)).startsWith(HELM3 + " upgrade --install metrics-server");
    assertThat(result.stdoutLines().get(2)).startsWith(KUBECTL + " --context kind-envapp wait");
    assertThat(result.stdoutLines().get(3)).startsWith(KUBECTL + " --context kind-envapp apply --server-side");
  }
}
