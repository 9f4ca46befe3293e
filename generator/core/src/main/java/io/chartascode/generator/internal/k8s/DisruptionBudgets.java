package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.OptOut;
import io.chartascode.generator.model.ParameterValues;
import java.util.ArrayList;
import java.util.List;

/** When an application gets a PodDisruptionBudget: at least 2 replicas everywhere, and no opt-out. */
public final class DisruptionBudgets {
  private DisruptionBudgets() {}

  /** Whether the model builds the application's PodDisruptionBudget. */
  public static boolean applies(Application app) {
    if (app.optOuts().containsKey(OptOut.NO_DISRUPTION_BUDGET)) {
      return false;
    }
    try {
      return lowestReplicas(app) >= 2;
    } catch (IllegalArgumentException e) {
      return true; // an undeclared parameter: the model is refused anyway; show what it would read
    }
  }

  /**
   * The fewest pods the application runs, by default or in any environment: the autoscaler's
   * minimum where it is on, else the replica count.
   */
  public static int lowestReplicas(Application app) {
    List<ParameterValues> all = new ArrayList<>(List.of(app.defaults()));
    for (Environment env : app.environments()) {
      all.add(app.valuesFor(env));
    }
    return all.stream().mapToInt(values -> replicas(app, values)).min().orElseThrow();
  }

  /** The fewest pods for one set of values. */
  public static int replicas(Application app, ParameterValues values) {
    boolean autoscaled = app.autoscaling().map(a -> a.enabled().evaluate(values)).orElse(false);
    return autoscaled
        ? app.autoscaling().orElseThrow().minReplicas().evaluate(values)
        : app.workload().replicas().evaluate(values);
  }
}
