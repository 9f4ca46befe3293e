package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ChartParameters;
import io.chartascode.generator.model.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * A default must satisfy its own constraints, or values.yaml would fail its own schema; and a
 * description is one line of printable text, since it becomes a comment in values.yaml and a cell
 * of the chart README, where a line break or a control character cannot be escaped.
 */
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
      if (!p.description().codePoints().allMatch(ParameterDefaultsRule::printable)) {
        findings.add(
            finding(
                app.name() + ".parameters[" + p.name() + "].description",
                "has a line break or a control character; write one line of printable text"));
      }
    }
    return findings;
  }

  private static boolean printable(int cp) {
    return !Character.isISOControl(cp) && cp != 0x2028 && cp != 0x2029 && Character.isDefined(cp)
        && Character.getType(cp) != Character.SURROGATE && Character.getType(cp) != Character.FORMAT;
  }
}
