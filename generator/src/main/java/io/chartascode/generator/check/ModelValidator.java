package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Runs every rule on every application and fails once, with all findings. */
public final class ModelValidator {
  private static final List<Rule> RULES =
      List.of(
          new NamesRule(),
          new DeclaredParametersRule(),
          new ParameterDefaultsRule(),
          new EnvironmentOverridesRule(),
          new BoundsRule());

  private ModelValidator() {}

  /** Every finding for these applications, in rule order. */
  public static List<Finding> check(List<Application> applications) {
    List<Finding> findings = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Application app : applications) {
      if (!names.add(app.name())) {
        findings.add(
            new Finding(
                NamesRule.ID, app.name(), "two applications are named '" + app.name() + "'; their files would collide"));
      }
      for (Rule rule : RULES) {
        findings.addAll(rule.check(app));
      }
    }
    return findings;
  }

  /** Throws {@link InvalidModelException} listing every finding, if there is any. */
  public static void validate(List<Application> applications) {
    List<Finding> findings = check(applications);
    if (!findings.isEmpty()) {
      throw new InvalidModelException(findings);
    }
  }
}
