package io.chartascode.generator.check;

import io.chartascode.generator.internal.k8s.DisruptionBudgets;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.DisruptionBudget;
import java.util.ArrayList;
import java.util.List;

/**
 * A disruption budget that lets drains through: {@code maxUnavailable} of at least 1, and a
 * {@code minAvailable} below the fewest replicas, by default and in every environment. Otherwise a
 * node drain waits forever.
 */
final class DisruptionBudgetRule implements Rule {
  @Override
  public String id() {
    return "CAC-PDB-001";
  }

  @Override
  public List<Finding> check(Application app) {
    if (!DisruptionBudgets.applies(app)) {
      return List.of();
    }
    List<Scenario> scenarios = Scenario.of(app);
    int lowest = scenarios.stream().mapToInt(s -> DisruptionBudgets.replicas(app, s.values())).min().orElseThrow();
    DisruptionBudget budget = app.disruptionBudget();
    List<Finding> findings = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      int count = budget.count().evaluate(scenario.values());
      String path = app.name() + ".disruptionBudget";
      if (budget.limit() == DisruptionBudget.Limit.MAX_UNAVAILABLE && count < 1) {
        findings.add(finding(path + ".maxUnavailable",
            "is " + count + " " + scenario.description() + ", which blocks every node drain; use at least 1"));
      }
      if (budget.limit() == DisruptionBudget.Limit.MIN_AVAILABLE && count >= lowest) {
        findings.add(finding(path + ".minAvailable", "is " + count + " " + scenario.description()
            + " but the application runs as few as " + lowest + " pods, so a node drain would wait forever;"
            + " lower it below " + lowest + " or use maxUnavailable"));
      }
    }
    return findings.stream().distinct().toList();
  }
}
