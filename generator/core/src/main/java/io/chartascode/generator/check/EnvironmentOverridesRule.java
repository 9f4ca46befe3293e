package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An environment may only override declared parameters, with values of their type. */
final class EnvironmentOverridesRule implements Rule {
  @Override
  public String id() {
    return "CAC-ENV-001";
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    for (Environment env : app.environments()) {
      for (Map.Entry<Parameter<?>, Object> o : env.overrides().entrySet()) {
        Parameter<?> p = o.getKey();
        String path = app.name() + ".environments[" + env.name() + "]." + p.name();
        if (!app.parameters().contains(p)) {
          findings.add(
              finding(path, "overrides unknown parameter '" + p.name() + "'; known: " + names(app)));
          continue;
        }
        for (String problem : p.violations(o.getValue())) {
          findings.add(finding(path, "value " + Values.show(o.getValue()) + " " + problem));
        }
      }
    }
    return findings;
  }

  private static List<String> names(Application app) {
    return app.parameters().stream().map(Parameter::name).toList();
  }
}
