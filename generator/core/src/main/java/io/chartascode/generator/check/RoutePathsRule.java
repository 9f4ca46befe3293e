package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import java.util.ArrayList;
import java.util.List;

/** Every path of the Ingress and the HTTPRoute is absolute, by default and in every environment. */
final class RoutePathsRule implements Rule {
  @Override
  public String id() {
    return "CAC-ROUTE-002";
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    List<Scenario> scenarios = Scenario.of(app);
    for (Routes.Field path : Routes.paths(app)) {
      Routes.refused(path, scenarios, value -> value.startsWith("/"), (value, s) ->
          findings.add(finding(path.path(), Values.show(value) + " " + s.description()
              + " does not start with '/'; write it as \"/" + value + "\"")));
    }
    return findings;
  }
}
