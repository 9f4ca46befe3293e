package io.chartascode.testing.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ToolTest {

  @Test
  void eachToolIsCachedWhereToolsFetchToolsShPutsIt() {
    assertThat(Stream.of(Tool.values()).map(tool -> tool.pinned().relativePath())).containsExactly(
        "helm-v3.17.1/helm", "helm-v4.1.4/helm", "kubectl-v1.31.0/kubectl", "kubectl-v1.34.5/kubectl");
  }

  @Test
  void eachToolIsPinnedToTheBinaryOfItsOwnCommandInLayerZip() {
    for (Tool tool : Tool.values()) {
      assertThat(tool.pinned().entry()).as(tool.name()).isEqualTo(tool.command() + "/" + tool.command());
    }
  }

  @Test
  void eachTestedPairComesFromOneNpmPackageSoOneDownloadServesBoth() {
    for (ToolPair pair : ToolPair.tested()) {
      assertThat(pair.helm().pinned().npmPackage()).as(pair.toString())
          .isSameAs(pair.kubectl().pinned().npmPackage());
    }
  }

  @Test
  void onlyKubectlCarriesAKustomizeVersion() {
    assertThat(Tool.HELM_3.kustomizeVersion()).isEmpty();
    assertThat(Tool.KUBECTL_1_34.kustomizeVersion()).contains("5.7.1");
  }

  @Test
  void eachToolCanBeOverriddenByAPropertyAndAnEnvironmentVariableNamedAfterIt() {
    assertThat(Tool.HELM_3.propertyName()).isEqualTo("chartascode.tools.helm3");
    assertThat(Tool.KUBECTL_1_31.environmentVariable()).isEqualTo("CHART_AS_CODE_KUBECTL131");
    assertThat(Stream.of(Tool.values()).map(Tool::propertyName)).doesNotHaveDuplicates()
        .doesNotContain(ToolboxSettings.CACHE_PROPERTY, ToolboxSettings.ACCEPT_UNTESTED_PROPERTY);
    assertThat(Stream.of(Tool.values()).map(Tool::environmentVariable)).doesNotHaveDuplicates()
        .doesNotContain(ToolboxSettings.CACHE_ENV, ToolboxSettings.TOOLS_ENV, ToolboxSettings.ACCEPT_UNTESTED_ENV);
  }

  @Test
  void printsAsCommandAndVersion() {
    assertThat(Tool.HELM_4).hasToString("helm 4.1.4");
    assertThat(Tool.KUBECTL_1_31).hasToString("kubectl 1.31.0 (kustomize 5.4.2)");
  }
}
