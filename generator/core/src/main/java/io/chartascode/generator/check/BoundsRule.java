package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Bound;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.ParameterType;
import io.chartascode.generator.model.ParameterValues;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** {@code lower <= upper} at the defaults and in every environment, e.g. min ≤ max replicas. */
final class BoundsRule implements Rule {
  @Override
  public String id() {
    return "CAC-HPA-001";
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    for (Bound bound : app.bounds()) {
      check(app, bound, app.name(), () -> app.defaults(), findings);
      for (Environment env : app.environments()) {
        check(
            app,
            bound,
            app.name() + ".environments[" + env.name() + "]",
            () -> app.valuesFor(env),
            findings);
      }
    }
    return findings;
  }

  private void check(
      Application app,
      Bound bound,
      String where,
      Supplier<ParameterValues> values,
      List<Finding> findings) {
    ParameterValues v;
    try {
      v = values.get();
      Object lower = v.get(bound.lower());
      Object upper = v.get(bound.upper());
      if (!(lower instanceof Integer l) || !(upper instanceof Integer u)
          || bound.lower().type() != ParameterType.INTEGER) {
        return; // a wrong type is EnvironmentOverridesRule's finding
      }
      if (l > u) {
        findings.add(
            finding(
                where + "." + bound.lower().name(),
                bound.lower().name() + " (" + l + ") > " + bound.upper().name() + " (" + u
                    + "); perhaps you should raise " + bound.upper().name()));
      }
    } catch (IllegalArgumentException | ClassCastException e) {
      // Undeclared parameters are DeclaredParametersRule's finding.
    }
  }
}
