package io.chartascode.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.kind.Sandbox.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeployScriptTest {

  static final String BUILD = "docker build -t kkrast/envapp:v1 -f envapp/Dockerfile .";
  static final String LOAD = "kind load docker-image kkrast/envapp:v1 --name envapp";

  static String helmUpgrade(String env) {
    return "upgrade --install envapp generated/helm/envapp --kube-context kind-envapp --namespace envapp-" + env
        + " --create-namespace --values generated/helm/envapp/values-" + env + ".yaml --wait --timeout 5m";
  }

  static String createNamespace(String env) {
    return "kubectl --context kind-envapp create namespace envapp-" + env
        + " --dry-run=client -o yaml | kubectl --context kind-envapp apply -f -";
  }

  static String rollout(String env) {
    return "kubectl --context kind-envapp -n envapp-" + env + " rollout status deployment/envapp --timeout=180s";
  }

  /** env, --via, helm version on PATH, extra variables (NAME=VALUE, space separated), expected lines. */
  static Stream<Arguments> dryRuns() {
    return Stream.of(
        Arguments.of("dev", "helm", "3.17.1", "", List.of(
            BUILD, LOAD, "helm " + helmUpgrade("dev"), rollout("dev"))),
        Arguments.of("prod", "helm", "4.1.4", "", List.of(
            BUILD, LOAD, "helm " + helmUpgrade("prod"), rollout("prod"))),
        Arguments.of("dev", "kustomize", "3.17.1", "", List.of(
            BUILD, LOAD, createNamespace("dev"),
            "kubectl --context kind-envapp apply -k generated/kustomize/envapp/overlays/dev", rollout("dev"))),
        Arguments.of("prod", "helmcharts", "3.17.1", "", List.of(
            BUILD, LOAD, createNamespace("prod"),
            "kubectl kustomize --enable-helm --helm-command helm --load-restrictor LoadRestrictionsNone"
                + " generated/gitops/helmcharts/prod | kubectl --context kind-envapp apply -f -",
            rollout("prod"))),
        Arguments.of("dev", "helmcharts", "4.1.4", "HELM3=helm3", List.of(
            BUILD, LOAD, createNamespace("dev"),
            "kubectl kustomize --enable-helm --helm-command helm3 --load-restrictor LoadRestrictionsNone"
                + " generated/gitops/helmcharts/dev | kubectl --context kind-envapp apply -f -",
            rollout("dev"))),
        Arguments.of("dev", "post-renderer", "3.17.1", "", List.of(
            BUILD, LOAD,
            "helm " + helmUpgrade("dev") + " --post-renderer generated/gitops/post-renderer/dev/kustomize.sh",
            rollout("dev"))),
        Arguments.of("prod", "post-renderer", "4.1.4", "", List.of(
            BUILD, LOAD,
            "env HELM_DATA_HOME=kind/.work/helm4/prod helm plugin install generated/gitops/post-renderer/prod/plugin",
            "env HELM_DATA_HOME=kind/.work/helm4/prod helm " + helmUpgrade("prod")
                + " --post-renderer envapp-kustomize-prod",
            rollout("prod"))),
        Arguments.of("prod", "post-renderer", "4.1.4", "STUB_HELM_PLUGINS=envapp-kustomize-prod", List.of(
            BUILD, LOAD,
            "env HELM_DATA_HOME=kind/.work/helm4/prod helm " + helmUpgrade("prod")
                + " --post-renderer envapp-kustomize-prod",
            rollout("prod"))));
  }

  @TempDir Path tmp;

  private Sandbox sandbox(String helmVersion, String extraEnv) {
    Sandbox sandbox = Sandbox.create(tmp).env("STUB_HELM_VERSION", helmVersion);
    for (String assignment : extraEnv.split(" ")) {
      if (!assignment.isEmpty()) {
        String[] kv = assignment.split("=", 2);
        sandbox.env(kv[0], kv[1]);
      }
    }
    if (extraEnv.contains("HELM3=helm3")) {
      sandbox.addStub("helm3");
    }
    return sandbox;
  }

  @ParameterizedTest(name = "{0} --via {1} with helm {2} {3}")
  @MethodSource("dryRuns")
  void dryRunPrintsTheExactCommands(String env, String via, String helmVersion, String extraEnv, List<String> expected) {
    Result result = sandbox(helmVersion, extraEnv).run("deploy.sh", env, "--via", via, "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdoutLines()).isEqualTo(expected);
    assertThat(result.actions()).as("a dry run only asks").isEmpty();
  }

  @ParameterizedTest(name = "{0} --via {1} with helm {2} {3}")
  @MethodSource("dryRuns")
  void realRunRunsExactlyWhatTheDryRunPrinted(
      String env, String via, String helmVersion, String extraEnv, List<String> expected) {
    Sandbox sandbox = sandbox(helmVersion, extraEnv).withGeneratedTree();
    Result result = sandbox.run("deploy.sh", env, "--via=" + via);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.echoed()).isEqualTo(expected);
    // Both sides of a pipeline run at once, so only their set is fixed; everything else runs in order.
    List<String> eachCommand = new ArrayList<>();
    expected.forEach(line -> eachCommand.addAll(Arrays.asList(line.split(" \\| "))));
    assertThat(result.actions()).containsExactlyInAnyOrderElementsOf(eachCommand);
    List<String> unpiped = expected.stream().filter(line -> !line.contains(" | ")).toList();
    assertThat(result.actions()).filteredOn(unpiped::contains).containsExactlyElementsOf(unpiped);
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void viaHelmIsTheDefault() {
    Result result = Sandbox.create(tmp).run("deploy.sh", "--dry-run", "dev");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdoutLines()).contains("helm " + helmUpgrade("dev"));
  }

  @Test
  void theHelm4PluginOfTheOtherEnvDoesNotCount() {
    Result result = Sandbox.create(tmp)
        .env("STUB_HELM_VERSION", "4.1.4")
        .env("STUB_HELM_PLUGINS", "envapp-kustomize-dev")
        .run("deploy.sh", "prod", "--via", "post-renderer", "--dry-run");

    assertThat(result.stdoutLines()).contains(
        "env HELM_DATA_HOME=kind/.work/helm4/prod helm plugin install generated/gitops/post-renderer/prod/plugin");
    assertThat(result.invocations()).contains("env HELM_DATA_HOME=kind/.work/helm4/prod helm plugin list");
  }

  @Test
  void helmchartsWithHelm4AndNoHelm3IsRefusedWithTheFix() {
    Result result = Sandbox.create(tmp)
        .env("STUB_HELM_VERSION", "4.1.4")
        .run("deploy.sh", "dev", "--via", "helmcharts", "--dry-run");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderrLines()).contains(
        "deploy.sh: --via helmcharts needs Helm 3: kustomize inflates helmCharts by running 'helm version -c',"
            + " a flag Helm 4 removed, and helm is Helm 4.1.4. Fix: give a Helm 3 binary, e.g. HELM3="
            + Sandbox.TOOLS_DIR + "/helm-v3.17.1/helm kind/deploy.sh dev --via helmcharts"
            + " (tools/fetch-tools.sh installs it).",
        "deploy.sh: stopped before running anything (1 problem).");
    assertThat(result.actions()).isEmpty();
  }

  @Test
  void helm3ThatIsReallyHelm4IsRefused() {
    Result result = Sandbox.create(tmp)
        .addStub("helm3")
        .env("HELM3", "helm3")
        .env("STUB_HELM3_VERSION", "4.1.4")
        .run("deploy.sh", "dev", "--via", "helmcharts", "--dry-run");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).anySatisfy(line -> assertThat(line).startsWith(
        "deploy.sh: HELM3=helm3 is Helm 4.1.4, not Helm 3; --via helmcharts needs Helm 3. Fix: run tools/fetch-tools.sh"));
    assertThat(result.actions()).isEmpty();
  }

  @Test
  void helm3GivenAsARelativePathIsResolvedBeforeTheScriptChangesDirectory() throws Exception {
    Sandbox sandbox = Sandbox.create(tmp).env("STUB_HELM_VERSION", "4.1.4").env("HELM3", "bin/helm3");
    sandbox.addStub("helm3");

    Result result = sandbox.run("deploy.sh", "dev", "--via", "helmcharts", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdoutLines()).contains(
        "kubectl kustomize --enable-helm --helm-command " + tmp.toRealPath().resolve("bin/helm3")
            + " --load-restrictor LoadRestrictionsNone generated/gitops/helmcharts/dev | kubectl --context kind-envapp apply -f -");
  }

  @Test
  void kustomizeNeedsNoHelm() {
    Result result = Sandbox.create(tmp).removeTool("helm").run("deploy.sh", "prod", "--via", "kustomize", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.invocations()).doesNotContain("helm version --short");
  }

  @Test
  void missingDockerGetsOneMessageAndNothingRuns() {
    Result result = Sandbox.create(tmp).withGeneratedTree().removeTool("docker").run("deploy.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).containsExactly(
        "deploy.sh: docker not found on PATH. Fix: install Docker Engine 20.10 or newer"
            + " (https://docs.docker.com/engine/install/), or set DOCKER=/path/to/docker.",
        "deploy.sh: stopped before running anything (1 problem).");
    assertThat(result.invocations()).containsExactly("kind version", "kubectl version --client", "helm version --short");
  }

  @Test
  void realRunWithoutTheGeneratedTreeNamesEveryMissingPath() {
    Result result = Sandbox.create(tmp).run("deploy.sh", "prod", "--via", "post-renderer");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).containsExactly(
        "deploy.sh: envapp/Dockerfile (the envapp image's Dockerfile) does not exist. Fix: the envapp module provides it.",
        "deploy.sh: generated/helm/envapp/Chart.yaml (the envapp chart) does not exist."
            + " Fix: generate it first (./mvnw -q generate-resources).",
        "deploy.sh: generated/helm/envapp/values-prod.yaml (the prod values) does not exist."
            + " Fix: generate it first (./mvnw -q generate-resources).",
        "deploy.sh: generated/gitops/post-renderer/prod/kustomize.sh (the Helm 3 post-renderer) does not exist."
            + " Fix: generate it first (./mvnw -q generate-resources).",
        "deploy.sh: stopped before running anything (4 problems).");
    assertThat(result.actions()).isEmpty();
  }

  @Test
  void dryRunWithoutTheGeneratedTreeStillPrintsAndNotesWhatIsMissing() {
    Result result = Sandbox.create(tmp).run("deploy.sh", "dev", "--dry-run");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdoutLines()).hasSize(4);
    assertThat(result.stderrLines()).contains(
        "deploy.sh: note: generated/helm/envapp/values-dev.yaml (the dev values) does not exist yet;"
            + " a real run would stop here.");
  }

  @Test
  void realRunChecksTheEngineAndTheContext() {
    Result result = Sandbox.create(tmp)
        .withGeneratedTree()
        .env("STUB_DOCKER_INFO_RC", "1")
        .env("STUB_KUBE_CONTEXTS", "kind-other")
        .run("deploy.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).containsExactly(
        "deploy.sh: no Docker engine answers ('docker info' failed; the docker client alone is not enough)."
            + " Fix: start Docker (for example: sudo systemctl start docker) and retry.",
        "deploy.sh: kube context kind-envapp not found. Fix: run kind/up.sh (it creates cluster envapp and that context).",
        "deploy.sh: stopped before running anything (2 problems).");
    assertThat(result.actions()).isEmpty();
  }

  @Test
  void imageTagComesFromTheEnvValuesThenTheBaseValuesThenAppVersion() {
    Sandbox sandbox = Sandbox.create(tmp)
        .file("generated/helm/envapp/Chart.yaml", "apiVersion: v2\nname: envapp\nversion: 0.1.0\nappVersion: \"1.4.0\"\n")
        .file("generated/helm/envapp/values.yaml",
            "# Generated by generator. DO NOT EDIT.\nreplicaCount: 3\nimage:\n  repository: kkrast/envapp\n"
                + "  tag: \"\"\n  pullPolicy: IfNotPresent\nservice:\n  port: 80\n")
        .file("generated/helm/envapp/values-dev.yaml", "image:\n  tag: \"v2\" # dev tag\n")
        .file("generated/helm/envapp/values-prod.yaml", "env:\n  PROD: \"true\"\n");

    assertThat(sandbox.run("deploy.sh", "dev", "--dry-run").stdoutLines()).startsWith(
        "docker build -t kkrast/envapp:v2 -f envapp/Dockerfile .",
        "kind load docker-image kkrast/envapp:v2 --name envapp");
    assertThat(sandbox.run("deploy.sh", "prod", "--dry-run").stdoutLines())
        .startsWith("docker build -t kkrast/envapp:1.4.0 -f envapp/Dockerfile .");
  }

  @Test
  void imageMayBeOneReference() {
    Result result = Sandbox.create(tmp)
        .file("generated/helm/envapp/values.yaml", "image: registry.local:5000/team/envapp:7\n")
        .run("deploy.sh", "dev", "--dry-run");

    assertThat(result.stdoutLines()).startsWith("docker build -t registry.local:5000/team/envapp:7 -f envapp/Dockerfile .");
  }

  @Test
  void aFailingCommandStopsTheDeploy() {
    Result result = Sandbox.create(tmp).withGeneratedTree().env("STUB_FAIL", "kind load").run("deploy.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.actions()).containsExactly(BUILD, LOAD);
  }

  @Test
  void dryRunCreatesNothing() throws Exception {
    Sandbox sandbox = Sandbox.create(tmp).env("STUB_HELM_VERSION", "4.1.4");
    sandbox.run("deploy.sh", "dev", "--via", "post-renderer", "--dry-run");

    assertThat(Files.exists(sandbox.root.resolve("kind/.work"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "staging", "dev prod", "dev --via", "dev --via argo", "dev --verbose"})
  void usageErrorsExitTwo(String args) {
    Result result = Sandbox.create(tmp).run("deploy.sh", args.isEmpty() ? new String[0] : args.split(" "));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.stderrLines()).last().isEqualTo("deploy.sh: see 'deploy.sh --help'");
    assertThat(result.invocations()).isEmpty();
  }
}
