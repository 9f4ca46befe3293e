package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.EnvVar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Environment variable names are portable identifiers and unique, extra env included. */
final class EnvVarsRule extends ContainerRule {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Override
  public String id() {
    return "CAC-ENV-002";
  }

  @Override
  List<Finding> check(Application app, Container c, String at) {
    List<Finding> findings = new ArrayList<>();
    String path = at + ".env";
    Set<String> fixed = new HashSet<>();
    for (EnvVar var : c.env()) {
      if (!NAME.matcher(var.name()).matches()) {
        findings.add(finding(path + "[" + var.name() + "]", "'" + var.name() + "' is not a valid variable name (" + NAME + ")"));
      }
      if (!fixed.add(var.name())) {
        findings.add(finding(path + "[" + var.name() + "]", "'" + var.name() + "' is set twice"));
      }
    }
    c.extraEnv().ifPresent(extra -> {
      for (Scenario s : Scenario.of(app)) {
        for (String name : s.values().get(extra).keySet()) {
          if (!NAME.matcher(name).matches()) {
            findings.add(finding(path + "[" + name + "]", "'" + name + "' " + s.description() + " is not a valid variable name (" + NAME + ")"));
          }
          if (fixed.contains(name)) {
            findings.add(finding(path + "[" + name + "]", "'" + name + "' " + s.description()
                + " in " + extra.name() + " repeats a variable the model sets; remove it from " + extra.name()));
          }
        }
      }
    });
    return findings;
  }
}
