package io.chartascode.testing.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binaries that are not the pinned download (named by a setting, or found on PATH where no pinned download
 * fits the platform) are version-checked by running them. Shell-script stubs stand in for helm and kubectl.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stubs are /bin/sh scripts")
class BringYourOwnBinaryTest {

  static final String HELM_3 = "v" + Tool.HELM_3.version();

  @TempDir Path tmp;
  final List<String> reports = new CopyOnWriteArrayList<>();

  Toolbox toolbox(TestSettings settings) {
    // The cache is never touched here: a download attempt would fail on the unused registry.
    return new Toolbox(settings.cache(tmp.resolve("cache")).property("chartascode.npm.registry", "http://127.0.0.1:9")
        .build(), reports::add);
  }

  @Test
  void aNamedBinaryOfTheTestedVersionIsUsedInsteadOfTheDownload() {
    Path helm = Stubs.helm(tmp.resolve("bin"), HELM_3);

    Path used = toolbox(TestSettings.linux().property("chartascode.tools.helm3", helm.toString())).path(Tool.HELM_3);

    assertThat(used).isEqualTo(helm);
    assertThat(reports).containsExactly("chart-as-code-testing: helm 3.17.1 = " + helm
        + " (named by -Dchartascode.tools.helm3, version checked)");
    assertThat(tmp.resolve("cache")).doesNotExist();
  }

  @Test
  void aNamedBinaryOfAnotherVersionIsRefusedSayingWhatToDo() {
    Path helm = Stubs.helm(tmp.resolve("bin"), "v3.9.0");
    Toolbox toolbox = toolbox(TestSettings.linux().env("CHART_AS_CODE_HELM3", helm.toString()));

    assertThatThrownBy(() -> toolbox.path(Tool.HELM_3))
        .isInstanceOf(ToolProvisioningException.class)
        .hasMessageContaining(helm + " (named by CHART_AS_CODE_HELM3) is helm 3.9.0, but chart-as-code is tested with"
            + " helm 3.17.1.")
        .hasMessageContaining("Install helm 3.17.1 from https://github.com/helm/helm/releases/tag/v3.17.1 and set"
            + " -Dchartascode.tools.helm3=/path/to/helm (or CHART_AS_CODE_HELM3).")
        .hasMessageContaining("set -Dchartascode.tools.acceptUntested=true (or CHART_AS_CODE_ACCEPT_UNTESTED=true)");
    assertThat(reports).isEmpty();
  }

  @Test
  void acceptUntestedLetsABinaryOfAnotherVersionThroughAndSaysSo() {
    Path helm = Stubs.helm(tmp.resolve("bin"), "v3.9.0");

    Path used = toolbox(TestSettings.linux().env("CHART_AS_CODE_HELM3", helm.toString())
        .property("chartascode.tools.acceptUntested", "true")).path(Tool.HELM_3);

    assertThat(used).isEqualTo(helm);
    assertThat(reports).singleElement().asString()
        .startsWith("chart-as-code-testing: helm 3.9.0 = " + helm + " (named by CHART_AS_CODE_HELM3, UNTESTED")
        .contains("tested with helm 3.17.1");
  }

  @Test
  void kubectlIsCheckedForItsKustomizeVersionToo() {
    Path kubectl = Stubs.kubectl(tmp.resolve("bin"), "v" + Tool.KUBECTL_1_31.version(), "v5.4.1");
    Toolbox toolbox = toolbox(TestSettings.linux().property("chartascode.tools.kubectl131", kubectl.toString()));

    assertThatThrownBy(() -> toolbox.path(Tool.KUBECTL_1_31))
        .hasMessageContaining("is kubectl 1.31.0 (kustomize 5.4.1), but chart-as-code is tested with"
            + " kubectl 1.31.0 (kustomize 5.4.2)")
        .hasMessageContaining("https://dl.k8s.io/release/v1.31.0/bin/linux/amd64/kubectl");
  }

  @Test
  void aNamedKubectlOfTheTestedVersionsIsUsed() {
    Path kubectl = Stubs.kubectl(tmp.resolve("bin"), "v1.34.5", "v5.7.1");

    assertThat(toolbox(TestSettings.linux().env("CHART_AS_CODE_KUBECTL134", kubectl.toString()))
        .path(Tool.KUBECTL_1_34)).isEqualTo(kubectl);
  }

  @Test
  void whereNoPinnedDownloadFitsThePlatformTheFirstMatchOnPathIsUsed() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path helm = Stubs.helm(tmp.resolve("bin"), HELM_3);
    Stubs.helm(tmp.resolve("later"), "v0.0.1");

    Path used = toolbox(TestSettings.macOnArm().env("PATH", String.join(":", empty.toString(),
        helm.getParent().toString(), tmp.resolve("later").toString()))).path(Tool.HELM_3);

    assertThat(used).isEqualTo(helm);
    assertThat(reports).containsExactly(
        "chart-as-code-testing: helm 3.17.1 = " + helm + " (found on PATH, version checked)");
  }

  @Test
  void whereNoPinnedDownloadFitsAndNothingIsOnPathTheErrorSaysWhatToInstall() {
    Toolbox toolbox = toolbox(TestSettings.macOnArm().env("PATH", tmp.toString()));

    assertThatThrownBy(() -> toolbox.path(Tool.KUBECTL_1_34))
        .hasMessageContaining("No kubectl 1.34.5 (kustomize 5.7.1) for darwin-arm64: its pinned download is for"
            + " linux-amd64 only, and there is no kubectl on PATH.")
        .hasMessageContaining("https://dl.k8s.io/release/v1.34.5/bin/darwin/arm64/kubectl")
        .hasMessageContaining("-Dchartascode.tools.kubectl134=/path/to/kubectl (or CHART_AS_CODE_KUBECTL134)");
  }

  @Test
  void theVersionCheckRunsWithAPrivateHomeAndTmpdirThatAreDeletedAfter() throws IOException {
    Path seen = tmp.resolve("seen");
    Path helm = Stubs.script(tmp.resolve("bin/helm"),
        "echo \"$HOME\" > '" + seen + "'\necho \"$TMPDIR\" >> '" + seen + "'\necho " + HELM_3);

    toolbox(TestSettings.linux().property("chartascode.tools.helm3", helm.toString())).path(Tool.HELM_3);

    List<String> homeAndTmp = Files.readAllLines(seen);
    assertThat(homeAndTmp).hasSize(2).doesNotContain(System.getProperty("user.home"), System.getenv("TMPDIR"));
    for (String directory : homeAndTmp) {
      assertThat(Path.of(directory)).isAbsolute().doesNotExist();
    }
  }

  @Test
  void aNamedBinaryThatDoesNotExistIsReportedWithTheSettingThatNamedIt() {
    Toolbox toolbox = toolbox(TestSettings.linux().env("CHART_AS_CODE_HELM4", tmp.resolve("nope").toString()));

    assertThatThrownBy(() -> toolbox.path(Tool.HELM_4))
        .hasMessageContaining(tmp.resolve("nope") + " (named by CHART_AS_CODE_HELM4) does not exist or is not a file");
  }

  @Test
  void aNamedBinaryThatIsNotHelmIsReportedWithWhatItPrinted() {
    Path helm = Stubs.script(tmp.resolve("bin/helm"), "echo 'Usage: not-helm [options]'");
    Toolbox toolbox = toolbox(TestSettings.linux().property("chartascode.tools.helm3", helm.toString()));

    assertThatThrownBy(() -> toolbox.path(Tool.HELM_3))
        .hasMessageContaining("is not a helm binary: '" + helm + " version --template {{.Version}}' printed")
        .hasMessageContaining("Usage: not-helm [options]");
  }

  @Test
  void aNamedBinaryThatFailsIsReportedWithItsExitCodeAndStderr() {
    Path kubectl = Stubs.script(tmp.resolve("bin/kubectl"), "echo 'error: unknown flag' >&2\nexit 3");
    Toolbox toolbox = toolbox(TestSettings.linux().property("chartascode.tools.kubectl131", kubectl.toString()));

    assertThatThrownBy(() -> toolbox.path(Tool.KUBECTL_1_31))
        .hasMessageContaining("'" + kubectl + " version --client -o json' (named by -Dchartascode.tools.kubectl131)"
            + " exited with 3:")
        .hasMessageContaining("error: unknown flag");
  }
}
