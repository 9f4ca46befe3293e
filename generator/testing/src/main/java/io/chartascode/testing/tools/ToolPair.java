package io.chartascode.testing.tools;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A helm and the kubectl (with its kustomize) it is tested alongside. Its {@code toString()} reads well as a
 * parameterized test's display name: {@code helm 3.17.1 + kustomize 5.4.2}.
 */
public record ToolPair(Tool helm, Tool kubectl) {

  private static final List<ToolPair> TESTED =
      List.of(new ToolPair(Tool.HELM_3, Tool.KUBECTL_1_31), new ToolPair(Tool.HELM_4, Tool.KUBECTL_1_34));

  public ToolPair {
    requireNonNull(helm, "helm");
    requireNonNull(kubectl, "kubectl");
    if (helm.kind() != ToolKind.HELM || kubectl.kind() != ToolKind.KUBECTL) {
      throw new IllegalArgumentException("ToolPair(" + helm.name() + ", " + kubectl.name()
          + "): expected a helm and then a kubectl, e.g. new ToolPair(Tool.HELM_3, Tool.KUBECTL_1_31)");
    }
  }

  /** The pairs every chart-as-code release is tested with: helm 3 with kubectl 1.31, helm 4 with kubectl 1.34. */
  public static List<ToolPair> tested() {
    return TESTED;
  }

  @Override
  public String toString() {
    return "helm " + helm.version() + " + kustomize " + kubectl.kustomizeVersion().orElseThrow();
  }
}
