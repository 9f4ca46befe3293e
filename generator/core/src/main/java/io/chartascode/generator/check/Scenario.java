package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One set of values a rule must hold for: the defaults, or one environment. Environments whose
 * overrides are themselves invalid are left out; {@link EnvironmentOverridesRule} reports them.
 */
record Scenario(String description, ParameterValues values) {

  static List<Scenario> of(Application app) {
    List<Scenario> scenarios = new ArrayList<>();
    scenarios.add(new Scenario("by default", app.defaults()));
    for (Environment env : app.environments()) {
      if (overridesAreValid(app, env)) {
        scenarios.add(new Scenario("in environment " + env.name(), app.valuesFor(env)));
      }
    }
    return scenarios;
  }

  private static boolean overridesAreValid(Application app, Environment env) {
    for (Map.Entry<Parameter<?>, Object> o : env.overrides().entrySet()) {
      if (!app.parameters().contains(o.getKey()) || !o.getKey().violations(o.getValue()).isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
