package io.chartascode.generator.check;

import io.chartascode.generator.internal.ProjectFiles;

import io.chartascode.generator.model.Application;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Runs every rule on every application and fails once, with all findings. */
public final class ModelValidator {
  /** Rules about the parameters themselves; the value rules below rely on them holding. */
  private static final List<Rule> STRUCTURE =
      List.of(
          new NamesRule(),
          new CustomObjectsRule(),
          new DeclaredParametersRule(),
          new ParameterDefaultsRule(),
          new EnvironmentOverridesRule());

  /** Rules that evaluate the model for the defaults and every environment. */
  private static final List<Rule> VALUES =
      List.of(
          new BoundsRule(),
          new AutoscalingRule(),
          new DisruptionBudgetRule(),
          new NetworkPolicyRule(),
          new PortsRule(),
          new ProbesRule(),
          new PodRule(),
          new VolumesRule(),
          new ResourcesRule(),
          new EnvVarsRule(),
          new KeyReferencesRule(),
          new ImageRule(),
          new RunAsNonRootRule(),
          new ReadOnlyRootFilesystemRule(),
          new DropAllCapabilitiesRule(),
          new HostnamesRule(),
          new RoutePathsRule(),
          new TlsHostsRule(),
          new BackendPortsRule(),
          new RouteConflictsRule(),
          new RouteReferencesRule());

  private ModelValidator() {}

  /** Every finding for these applications, in rule order, with files read from the working directory. */
  public static List<Finding> check(List<Application> applications) {
    return check(applications, ProjectFiles.workingDirectory());
  }

  /** Every finding for these applications, in rule order, with the files they name read from {@code projectFiles}. */
  public static List<Finding> check(List<Application> applications, ProjectFiles projectFiles) {
    return check(applications, projectFiles, app -> {});
  }

  /**
   * As {@link #check(List, ProjectFiles)}, handing each application to {@code whileValid} right
   * after it is checked, as long as no application so far has a finding: a renderer can then use
   * what the checks built for it while it is still at hand.
   */
  public static List<Finding> check(
      List<Application> applications, ProjectFiles projectFiles, Consumer<Application> whileValid) {
    List<Rule> values = new ArrayList<>(VALUES);
    values.add(new ConfigurationRule(projectFiles));
    List<Finding> findings = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Application app : applications) {
      if (!names.add(app.name())) {
        findings.add(
            new Finding(
                NamesRule.ID, app.name(), "two applications are named '" + app.name() + "'; their files would collide"));
      }
      List<Finding> structure = new ArrayList<>();
      STRUCTURE.forEach(rule -> structure.addAll(rule.check(app)));
      findings.addAll(structure);
      // An undeclared parameter has no value to evaluate; fix that first.
      if (structure.stream().noneMatch(f -> f.ruleId().equals(DeclaredParametersRule.ID))) {
        values.forEach(rule -> findings.addAll(rule.check(app)));
      }
      if (findings.isEmpty()) {
        whileValid.accept(app);
      }
    }
    return findings;
  }

  /** Throws {@link InvalidModelException} listing every finding, if there is any. */
  public static void validate(List<Application> applications) {
    validate(applications, ProjectFiles.workingDirectory());
  }

  /** As {@link #validate(List)}, with the files the model names read from {@code projectFiles}. */
  public static void validate(List<Application> applications, ProjectFiles projectFiles) {
    validate(applications, projectFiles, app -> {});
  }

  /**
   * As {@link #validate(List, ProjectFiles)}, handing each application to {@code whileValid} as
   * {@link #check(List, ProjectFiles, Consumer)} does; throws at the end if there is any finding.
   */
  public static void validate(List<Application> applications, ProjectFiles projectFiles, Consumer<Application> whileValid) {
    List<Finding> findings = check(applications, projectFiles, whileValid);
    if (!findings.isEmpty()) {
      throw new InvalidModelException(findings);
    }
  }
}
