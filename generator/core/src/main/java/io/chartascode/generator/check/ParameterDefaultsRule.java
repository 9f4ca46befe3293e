package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ChartParameters;
import io.chartascode.generator.model.Parameter;
import java.util.ArrayList;
import java.util.List;

/** A default must satisfy its own constraints, or values.yaml would fail its own schema. */
final class ParameterDefaultsRule implements Rule {
  @Override
  public String id() {
    return "CAC-PARAM-001";
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    for (Parameter<?> p : ChartParameters.of(app)) {
      for (String problem : p.violations(p.defaultValue())) {
        findings.add(
            finding(
                app.name() + ".parameters[" + p.name() + "].default",
                "default " + Values.show(p.defaultValue()) + " " + problem));
      }
    }
    return findings;
  }
}
