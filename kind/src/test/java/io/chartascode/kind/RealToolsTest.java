package io.chartascode.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.kind.Sandbox.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy.sh against the real helm 3.17.1, helm 4.1.4 and kubectl 1.34.5 (tools/fetch-tools.sh): the
 * version detection reads their real output, and the commands it prints do what they claim on a small
 * fixture chart. Docker, kind and the cluster stay stubbed: nothing here needs an engine.
 */
class RealToolsTest {

  static final String HELM3 = Sandbox.requiredProperty("chartascode.helm3");
  static final String HELM4 = Sandbox.requiredProperty("chartascode.helm4");
  static final String KUBECTL = Sandbox.requiredProperty("chartascode.kubectl");

  @TempDir Path tmp;
  Sandbox sandbox;

  @BeforeEach
  void fixtureChartAndGitopsVariants() {
    assertThat(Path.of(HELM3)).as("run tools/fetch-tools.sh").isExecutable();
    assertThat(Path.of(HELM4)).as("run tools/fetch-tools.sh").isExecutable();
    assertThat(Path.of(KUBECTL)).as("run tools/fetch-tools.sh").isExecutable();
    sandbox = Sandbox.create(tmp).withGeneratedTree()
        .file("generated/helm/envapp/templates/configmap.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  prod: {{ .Values.prod | quote }}\n")
        .file("generated/helm/envapp/values.yaml", "prod: \"unset\"\n")
        .file("generated/helm/envapp/values-dev.yaml", "prod: \"false\"\n")
        .file("generated/helm/envapp/values-prod.yaml", "prod: \"true\"\n")
        .executable("generated/gitops/post-renderer/dev/kustomize.sh", "#!/bin/sh\nsed 's/name: envapp/name: envapp-helm3-rendered/'\n");
    for (String env : new String[] {"dev", "prod"}) {
      sandbox.file("generated/gitops/post-renderer/" + env + "/plugin/plugin.yaml",
              "apiVersion: v1\ntype: postrenderer/v1\nname: envapp-kustomize-" + env + "\nversion: 0.1.0\n"
                  + "runtime: subprocess\nruntimeConfig:\n  platformCommand:\n    - command: ${HELM_PLUGIN_DIR}/render.sh\n")
          .executable("generated/gitops/post-renderer/" + env + "/plugin/render.sh",
              "#!/bin/sh\nsed 's/name: envapp/name: envapp-" + env + "-plugin-rendered/'\n")
          .file("generated/gitops/helmcharts/" + env + "/kustomization.yaml",
              "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: envapp-" + env + "\n"
                  + "helmGlobals:\n  chartHome: ../../../helm\nhelmCharts:\n  - name: envapp\n    releaseName: envapp\n"
                  + "    namespace: envapp-" + env + "\n    valuesFile: ../../../helm/envapp/values-" + env + ".yaml\n");
    }
  }

  private static String line(Result result, String containing) {
    return result.stdoutLines().stream().filter(l -> l.contains(containing)).findFirst()
        .orElseThrow(() -> new AssertionError("no line with '" + containing + "' in\n" + result));
  }

  @Test
  void helm4PostRendererCommandsWorkForBothEnvsSideBySide() throws Exception {
    sandbox.env("HELM", HELM4);
    for (String env : new String[] {"dev", "prod"}) {
      Result dryRun = sandbox.run("deploy.sh", env, "--via", "post-renderer", "--dry-run");
      assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
      assertThat(Files.exists(sandbox.root.resolve("kind/.work/helm4/" + env))).as("a dry run creates nothing").isFalse();

      String install = line(dryRun, " plugin install ");
      assertThat(install).isEqualTo("env HELM_DATA_HOME=kind/.work/helm4/" + env + " " + HELM4
          + " plugin install generated/gitops/post-renderer/" + env + "/plugin");
      assertThat(line(dryRun, " upgrade --install ")).endsWith("--post-renderer envapp-kustomize-" + env);

      // The printed install, pasted into a shell, installs the plugin the upgrade names.
      Result installed = sandbox.shell(install);
      assertThat(installed.exitCode()).as(installed.toString()).isZero();
      Result rendered = sandbox.shell("env HELM_DATA_HOME=kind/.work/helm4/" + env + " " + HELM4
          + " template envapp generated/helm/envapp --values generated/helm/envapp/values-" + env + ".yaml"
          + " --post-renderer envapp-kustomize-" + env);
      assertThat(rendered.exitCode()).as(rendered.toString()).isZero();
      assertThat(rendered.stdout()).contains("name: envapp-" + env + "-plugin-rendered");
    }
    // Once installed, deploy.sh sees the plugin through the real `helm plugin list` and skips the install.
    Result again = sandbox.run("deploy.sh", "dev", "--via", "post-renderer", "--dry-run");
    assertThat(again.stdout()).doesNotContain("plugin install");
  }

  @Test
  void helm3PostRendererPathWorks() {
    Result dryRun = sandbox.env("HELM", HELM3).run("deploy.sh", "dev", "--via", "post-renderer", "--dry-run");
    assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
    String upgrade = line(dryRun, " upgrade --install ");
    assertThat(upgrade).isEqualTo(HELM3 + " upgrade --install envapp generated/helm/envapp --kube-context kind-envapp"
        + " --namespace envapp-dev --create-namespace --values generated/helm/envapp/values-dev.yaml --wait --timeout 5m"
        + " --post-renderer generated/gitops/post-renderer/dev/kustomize.sh");

    Result rendered = sandbox.shell(HELM3 + " template envapp generated/helm/envapp"
        + " --values generated/helm/envapp/values-dev.yaml --post-renderer generated/gitops/post-renderer/dev/kustomize.sh");
    assertThat(rendered.exitCode()).as(rendered.toString()).isZero();
    assertThat(rendered.stdout()).contains("name: envapp-helm3-rendered");
  }

  @Test
  void helmchartsInflationWorksWithHelm3AndIsRefusedForHelm4() {
    Result refused = sandbox.env("HELM", HELM4).env("KUBECTL", KUBECTL)
        .run("deploy.sh", "prod", "--via", "helmcharts", "--dry-run");
    assertThat(refused.exitCode()).isEqualTo(3);
    assertThat(refused.stderr()).contains("Helm 4.1.4");

    Result dryRun = sandbox.env("HELM3", HELM3).run("deploy.sh", "prod", "--via", "helmcharts", "--dry-run");
    assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
    String pipeline = line(dryRun, " kustomize ");
    String inflate = pipeline.substring(0, pipeline.indexOf(" | "));
    assertThat(inflate).isEqualTo(KUBECTL + " kustomize --enable-helm --helm-command " + HELM3
        + " --load-restrictor LoadRestrictionsNone generated/gitops/helmcharts/prod");

    Result inflated = sandbox.shell(inflate);
    assertThat(inflated.exitCode()).as(inflated.toString()).isZero();
    assertThat(inflated.stdout()).contains("prod: \"true\"").contains("namespace: envapp-prod");

    // What the refusal protects against: the same command with Helm 4 fails inside kustomize.
    Result withHelm4 = sandbox.shell(inflate.replace(HELM3, HELM4));
    assertThat(withHelm4.exitCode()).isNotZero();
    assertThat(withHelm4.stderr()).contains("unknown shorthand flag: 'c'");
  }

  @Test
  void realVersionOutputsAreRead() {
    Result result = sandbox.env("HELM", HELM3).env("KUBECTL", KUBECTL).run("up.sh", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdoutLines()).hasSize(3);
    assertThat(result.stdoutLines().get(1)).startsWith(HELM3 + " upgrade --install metrics-server");
    assertThat(result.stdoutLines().get(2)).startsWith(KUBECTL + " --context kind-envapp wait");
  }
}
