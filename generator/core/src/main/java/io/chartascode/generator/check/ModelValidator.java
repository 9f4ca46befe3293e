package io.chartascode.generator.check;

import io.chartascode.generator.internal.ProjectFiles;
import io.chartascode.generator.internal.SideBySide;

import io.chartascode.generator.model.Application;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

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
    return checkAll(applications, projectFiles, app -> null).findings();
  }

  /** Throws {@link InvalidModelException} listing every finding, if there is any. */
  public static void validate(List<Application> applications) {
    validate(applications, ProjectFiles.workingDirectory());
  }

  /** As {@link #validate(List)}, with the files the model names read from {@code projectFiles}. */
  public static void validate(List<Application> applications, ProjectFiles projectFiles) {
    validate(applications, projectFiles, app -> null);
  }

  /**
   * As {@link #validate(List, ProjectFiles)}, handing each application that has no finding of its
   * own to {@code render} right after it is checked, while the objects its checks built are still
   * at hand; the results come back in the applications' order. Applications are independent, so
   * several are checked and rendered at once, one per processor ({@link SideBySide}): {@code render}
   * must be safe to call from several threads.
   */
  public static <T> List<T> validate(
      List<Application> applications, ProjectFiles projectFiles, Function<Application, T> render) {
    Checked<T> checked = checkAll(applications, projectFiles, render);
    if (!checked.findings().isEmpty()) {
      throw new InvalidModelException(checked.findings());
    }
    return checked.rendered();
  }

  /** Every finding, in the applications' order, and what {@code render} gave for each. */
  private record Checked<T>(List<Finding> findings, List<T> rendered) {}

  /** One application's own findings, and its render where it has none. */
  private record Outcome<T>(List<Finding> findings, T rendered) {}

  private static <T> Checked<T> checkAll(
      List<Application> applications, ProjectFiles projectFiles, Function<Application, T> render) {
    List<Rule> values = new ArrayList<>(VALUES);
    values.add(new ConfigurationRule(projectFiles));
    List<Outcome<T>> outcomes = SideBySide.map(applications, app -> {
      List<Finding> own = findings(app, values);
      return new Outcome<>(own, own.isEmpty() ? render.apply(app) : null);
    });
    List<Finding> findings = new ArrayList<>();
    List<T> rendered = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < applications.size(); i++) {
      String name = applications.get(i).name();
      if (!names.add(name)) {
        findings.add(new Finding(NamesRule.ID, name, "two applications are named '" + name + "'; their files would collide"));
      }
      findings.addAll(outcomes.get(i).findings());
      rendered.add(outcomes.get(i).rendered());
    }
    return new Checked<>(findings, rendered);
  }

  /** The findings of one application on its own, in rule order. */
  private static List<Finding> findings(Application app, List<Rule> values) {
    List<Finding> findings = new ArrayList<>();
    STRUCTURE.forEach(rule -> findings.addAll(rule.check(app)));
    // An undeclared parameter has no value to evaluate; fix that first.
    if (findings.stream().noneMatch(f -> f.ruleId().equals(DeclaredParametersRule.ID))) {
      values.forEach(rule -> findings.addAll(rule.check(app)));
    }
    return findings;
  }
}
