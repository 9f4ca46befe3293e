package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.DisruptionBudget;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

/** The PodDisruptionBudget (policy/v1), where {@link DisruptionBudgets#applies} says so. */
final class DisruptionBudgetPart implements Part {
  @Override
  public String stem() {
    return "pdb";
  }

  @Override
  public boolean appliesTo(Application app) {
    return DisruptionBudgets.applies(app);
  }

  @Override
  public HasMetadata build(Application app, Binder b) {
    DisruptionBudget budget = app.disruptionBudget();
    IntOrString count = new IntOrString(b.value(budget.count()));
    boolean max = budget.limit() == DisruptionBudget.Limit.MAX_UNAVAILABLE;
    return new PodDisruptionBudgetBuilder()
        .withMetadata(Part.metadata(b))
        .withNewSpec()
        .withMaxUnavailable(max ? count : null)
        .withMinAvailable(max ? null : count)
        // Literal on both sides: Kustomize's label transformer only adds to selectors that exist.
        .withNewSelector()
        .withMatchLabels(b.selectorLabels())
        .endSelector()
        .endSpec()
        .build();
  }
}
