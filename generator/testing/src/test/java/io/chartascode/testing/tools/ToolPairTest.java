package io.chartascode.testing.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToolPairTest {

  @Test
  void theTestedPairsAreHelm3WithKubectl131AndHelm4WithKubectl134() {
    assertThat(ToolPair.tested()).containsExactly(
        new ToolPair(Tool.HELM_3, Tool.KUBECTL_1_31), new ToolPair(Tool.HELM_4, Tool.KUBECTL_1_34));
  }

  @Test
  void readsAsHelmAndKustomizeVersionsForTestNames() {
    assertThat(ToolPair.tested()).map(ToolPair::toString)
        .containsExactly("helm 3.17.1 + kustomize 5.4.2", "helm 4.1.4 + kustomize 5.7.1");
  }

  @Test
  void swappedArgumentsAreRejectedWithAnExample() {
    assertThatThrownBy(() -> new ToolPair(Tool.KUBECTL_1_31, Tool.HELM_3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ToolPair(KUBECTL_1_31, HELM_3)")
        .hasMessageContaining("new ToolPair(Tool.HELM_3, Tool.KUBECTL_1_31)");
  }
}
