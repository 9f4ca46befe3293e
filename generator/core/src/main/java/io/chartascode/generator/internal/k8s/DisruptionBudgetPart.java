package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.DisruptionBudget;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;

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
    PodDisruptionBudget object = new PodDisruptionBudget();
    object.setMetadata(Part.metadata(b));
    PodDisruptionBudgetSpec spec = new PodDisruptionBudgetSpec();
    spec.setMaxUnavailable(max ? count : null);
    spec.setMinAvailable(max ? null : count);
    // Literal on both sides: Kustomize's label transformer only adds to selectors that exist.
    spec.setSelector(Part.selector(b.selectorLabels()));
    object.setSpec(spec);
    return object;
  }
}
