package io.chartascode.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.kind.Sandbox.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** up.sh against the real generated/ tree, which holds the metrics-server pin. */
class UpScriptTest {

  static final String COMPONENT = "generated/gitops/components/metrics-server/kustomization.yaml";
  static final String PIN_FIX = "Fix: regenerate it (./mvnw -q generate-resources); if the generator writes it so,"
      + " fix the pin in the generator.";

  /** The repo and version come from COMPONENT (repo https://kubernetes-sigs.github.io/metrics-server/, 3.13.1). */
  static final List<String> COMMANDS = List.of(
      "kind create cluster --name envapp --config kind/kind-config.yaml --wait 120s",
      "helm upgrade --install metrics-server metrics-server --repo https://kubernetes-sigs.github.io/metrics-server/"
          + " --version 3.13.1 --kube-context kind-envapp --namespace kube-system"
          + " --values generated/gitops/components/metrics-server/values.yaml --wait --timeout 5m",
      "kubectl --context kind-envapp wait --for=condition=Available --timeout=180s apiservice/v1beta1.metrics.k8s.io",
      "kubectl --context kind-envapp apply --server-side -f"
          + " https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.2.1/standard-install.yaml",
      "kubectl --context kind-envapp wait --for=condition=Established --timeout=180s crd/httproutes.gateway.networking.k8s.io");

  @TempDir Path tmp;

  @Test
  void dryRunPrintsTheExactCommandsAndRunsNothing() {
    Result result = Sandbox.create(tmp).withGeneratedTree().run("up.sh", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdoutLines()).isEqualTo(COMMANDS);
    assertThat(result.stderr()).isEmpty();
    assertThat(result.invocations())
        .containsExactly("docker --version", "kind version", "kubectl version --client", "helm version --short");
  }

  @Test
  void dryRunNeedsNoDockerEngine() {
    Result result = Sandbox.create(tmp).withGeneratedTree().env("STUB_DOCKER_INFO_RC", "1").run("up.sh", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdoutLines()).isEqualTo(COMMANDS);
  }

  @Test
  void realRunRunsExactlyWhatTheDryRunPrinted() {
    Result result = Sandbox.create(tmp).withGeneratedTree().run("up.sh");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.echoed()).isEqualTo(COMMANDS);
    assertThat(result.actions()).isEqualTo(COMMANDS);
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void realRunSkipsCreateWhenTheClusterExists() {
    Result result = Sandbox.create(tmp).withGeneratedTree().env("STUB_KIND_CLUSTERS", "other envapp").run("up.sh");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.actions()).isEqualTo(COMMANDS.subList(1, COMMANDS.size()));
    assertThat(result.stderr()).contains("up.sh: note: cluster envapp already exists; skipping 'kind create cluster'.");
  }

  @Test
  void missingKindGetsOneMessageWithTheFixAndNothingRuns() {
    Result result = Sandbox.create(tmp).withGeneratedTree().removeTool("kind").run("up.sh");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderrLines()).containsExactly(
        "up.sh: kind not found on PATH. Fix: install kind v0.30.0 or newer (go install sigs.k8s.io/kind@v0.30.0,"
            + " or https://kind.sigs.k8s.io/docs/user/quick-start/#installation), or set KIND=/path/to/kind.",
        "up.sh: stopped before running anything (1 problem).");
    assertThat(result.invocations()).containsExactly("docker --version", "kubectl version --client", "helm version --short");
  }

  @Test
  void missingToolFailsTheDryRunToo() {
    Result result = Sandbox.create(tmp).withGeneratedTree().removeTool("helm").run("up.sh", "--dry-run");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderrLines().get(0)).startsWith("up.sh: helm not found on PATH. Fix: run tools/fetch-tools.sh, then set HELM="
        + Sandbox.TOOLS_DIR + "/helm-v3.17.1/helm");
  }

  @Test
  void everyProblemIsReportedBeforeFailing() {
    Result result = Sandbox.create(tmp).withGeneratedTree()
        .removeTool("kind")
        .env("STUB_KUBECTL_VERSION", "1.32.4")
        .env("STUB_HELM_VERSION", "3.12.0")
        .run("up.sh");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).hasSize(4);
    assertThat(result.stderrLines().get(0)).startsWith("up.sh: kind not found on PATH.");
    assertThat(result.stderrLines().get(1)).startsWith("up.sh: kubectl 1.32.4 is too old (need >= 1.33.0). Fix: ");
    assertThat(result.stderrLines().get(2)).startsWith("up.sh: helm 3.12.0 is too old (need >= 3.17.0). Fix: ");
    assertThat(result.stderrLines().get(3)).isEqualTo("up.sh: stopped before running anything (3 problems).");
    assertThat(result.actions()).isEmpty();
  }

  @Test
  void aToolGivenAsAPathThatIsNotThereIsNamedInTheMessage() {
    Result result = Sandbox.create(tmp).withGeneratedTree().env("KUBECTL", "/nowhere/kubectl").run("up.sh", "--dry-run");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines().get(0))
        .startsWith("up.sh: kubectl not found: KUBECTL=/nowhere/kubectl is not an executable file. Fix: ");
  }

  @Test
  void realRunWithoutADockerEngineStopsBeforeCreatingAnything() {
    Result result = Sandbox.create(tmp).withGeneratedTree().env("STUB_DOCKER_INFO_RC", "1").run("up.sh");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).containsExactly(
        "up.sh: no Docker engine answers ('docker info' failed; the docker client alone is not enough)."
            + " Fix: start Docker (for example: sudo systemctl start docker) and retry.",
        "up.sh: stopped before running anything (1 problem).");
    assertThat(result.actions()).isEmpty();
  }

  @Test
  void aFailingCommandStopsTheScript() {
    Result result = Sandbox.create(tmp).withGeneratedTree().env("STUB_FAIL", "kind create").run("up.sh");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.actions()).containsExactly(COMMANDS.get(0));
  }

  @Test
  void theMetricsServerPinIsReadFromTheGeneratedComponent() {
    Result result = Sandbox.create(tmp).withGeneratedTree()
        .edit(COMPONENT, c -> c.replace("version: \"3.13.1\"", "version: '3.12.2' # older")
            .replace("repo: https://kubernetes-sigs.github.io/metrics-server/", "repo: \"https://charts.example/ms\""))
        .run("up.sh", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdoutLines().get(1)).startsWith(
        "helm upgrade --install metrics-server metrics-server --repo https://charts.example/ms --version 3.12.2 ");
  }

  @Test
  void realRunWithoutTheComponentStopsWithTheFix() {
    Result result = Sandbox.create(tmp).run("up.sh");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).containsExactly(
        "up.sh: " + COMPONENT + " (the metrics-server chart pin) does not exist."
            + " Fix: generate it first (./mvnw -q generate-resources).",
        "up.sh: stopped before running anything (1 problem).");
    assertThat(result.actions()).isEmpty();
  }

  @Test
  void dryRunWithoutTheComponentNotesItAndShowsPlaceholders() {
    Result result = Sandbox.create(tmp).run("up.sh", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdoutLines().get(1)).startsWith("helm upgrade --install metrics-server metrics-server"
        + " --repo '<metrics-server repo>' --version '<metrics-server version>' ");
    assertThat(result.stderrLines()).containsExactly("up.sh: note: " + COMPONENT
        + " (the metrics-server chart pin) does not exist yet; a real run would stop here.");
  }

  @Test
  void aVersionRangeIsNotAPin() {
    assertDryRunStopsWith("version: \"3.13.1\"", "version: \">=3.0.0\"",
        ": helmCharts[metrics-server].version is '>=3.0.0', not an exact chart version (like 3.13.1). ");
  }

  @Test
  void aValuesFileThatIsMissingIsAProblem() {
    assertDryRunStopsWith("valuesFile: values.yaml", "valuesFile: kind.yaml",
        ": helmCharts[metrics-server].valuesFile generated/gitops/components/metrics-server/kind.yaml does not exist. ");
  }

  @Test
  void aValuesFileOutsideTheComponentIsAProblem() {
    assertDryRunStopsWith("valuesFile: values.yaml", "valuesFile: ../values.yaml",
        ": helmCharts[metrics-server].valuesFile is '../values.yaml', not a file name beside it. ");
  }

  /** A dry run over the component with {@code from} replaced by {@code to} stops on this one problem. */
  private void assertDryRunStopsWith(String from, String to, String problem) {
    Result result = Sandbox.create(tmp).withGeneratedTree()
        .edit(COMPONENT, c -> c.replace(from, to))
        .run("up.sh", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
    assertThat(result.stderrLines()).containsExactly(
        "up.sh: " + COMPONENT + problem + PIN_FIX, "up.sh: stopped before running anything (1 problem).");
  }

  @Test
  void aComponentWithoutTheMetricsServerEntryNamesWhatIsMissing() {
    Result result = Sandbox.create(tmp).withGeneratedTree()
        .edit(COMPONENT, c -> c.replace("- name: metrics-server", "- name: kube-state-metrics"))
        .run("up.sh");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).containsExactly(
        "up.sh: " + COMPONENT + " has no repo in a helmCharts entry named metrics-server. " + PIN_FIX,
        "up.sh: " + COMPONENT + " has no version in a helmCharts entry named metrics-server. " + PIN_FIX,
        "up.sh: " + COMPONENT + " has no valuesFile in a helmCharts entry named metrics-server. " + PIN_FIX,
        "up.sh: stopped before running anything (3 problems).");
    assertThat(result.actions()).isEmpty();
  }
}
