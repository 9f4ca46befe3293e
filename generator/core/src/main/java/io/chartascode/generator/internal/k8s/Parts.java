package io.chartascode.generator.internal.k8s;

import java.util.List;

/** The parts every application is made of, in the order their objects are written. */
final class Parts {
  private Parts() {}

  static final List<Part> BUILT_IN =
      List.of(
          new ServiceAccountPart(),
          new ServicePart(),
          new DeploymentPart(),
          new AutoscalerPart(),
          new DisruptionBudgetPart(),
          new NetworkPolicyPart(),
          new IngressPart(),
          new HttpRoutePart());
}
