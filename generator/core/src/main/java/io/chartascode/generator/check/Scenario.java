package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One set of values a rule must hold for: the defaults, or one environment. Environments whose
 * overrides are themselves invalid are left out; {@link EnvironmentOverridesRule} reports them.
 */
record Scenario(String description, ParameterValues values) {
  /**
   * The scenarios of each application checked lately: every value rule asks for them, and an
   * application is immutable, so they are worked out once. Weak keys: a catalog's applications
   * are let go with it.
   */
  private static final Map<Application, List<Scenario>> KNOWN = Collections.synchronizedMap(new WeakHashMap<>());

  static List<Scenario> of(Application app) {
    return KNOWN.computeIfAbsent(app, Scenario::compute);
  }

  private static List<Scenario> compute(Application app) {
    List<Scenario> scenarios = new ArrayList<>();
    scenarios.add(new Scenario("by default", app.defaults()));
    for (Environment env : app.environments()) {
      if (overridesAreValid(app, env)) {
        scenarios.add(new Scenario("in environment " + env.name(), app.valuesFor(env)));
      }
    }
    return List.copyOf(scenarios);
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
