package io.chartascode.maven;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.write.Drift;
import io.chartascode.generator.write.FileTreeWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when the committed {@link #outputDirectory} differs from what the model
 * renders: every missing, changed, stale or hand-added file, a unified diff for each, and the
 * command that fixes it. Never writes.
 */
@Mojo(
    name = CheckMojo.GOAL,
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class CheckMojo extends AbstractModelMojo {
  static final String GOAL = "check";
  static final String PREFIX = "chart-as-code";
  static final String DEFAULT_PHASE = "verify";

  /** Skips only the check; {@code chartascode.skip} skips it too. */
  @Parameter(property = "chartascode.check.skip", defaultValue = "false")
  boolean skipCheck;

  /**
   * What to do when a chart differs from the one committed in git HEAD but its version does not:
   * {@code warn} (the default: between two releases a chart changes in many commits, and {@code
   * push} refuses to overwrite a published version anyway), {@code fail} (for release branches), or
   * {@code ignore}.
   */
  @Parameter(property = "chartascode.check.unchangedVersion", defaultValue = "warn")
  String unchangedVersion;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipCheck) {
      getLog().info("chart-as-code: check skipped");
      return;
    }
    Rendered rendered = renderModel();
    var files = rendered.files();
    Drift drift;
    try {
      // Waits for a generate writing the same tree (an IDE, another module), and never reads one
      // that a killed run left half-swapped.
      drift = new FileTreeWriter(outputDirectory.toPath())
          .withMessages(message -> getLog().warn("chart-as-code: " + message))
          .readWhole(tree -> Drift.between(tree, files));
    } catch (IllegalStateException e) { // a half-written tree, or TreeLockedException after the wait
      throw new MojoFailureException("chart-as-code: " + e.getMessage(), e);
    }
    if (!drift.isEmpty()) {
      throw new MojoFailureException(drift.report(regenerateCommand));
    }
    getLog().info("chart-as-code: " + outputName() + " is up to date (" + files.size() + " files)");
    checkVersions(rendered);
  }

  private void checkVersions(Rendered rendered) throws MojoFailureException {
    String mode = unchangedVersion == null ? "warn" : unchangedVersion.strip().toLowerCase(java.util.Locale.ROOT);
    if (!List.of("warn", "fail", "ignore").contains(mode)) {
      throw new MojoFailureException("chart-as-code: chartascode.check.unchangedVersion is '" + unchangedVersion
          + "'; use warn, fail or ignore");
    }
    if (mode.equals("ignore")) {
      return;
    }
    List<String> findings = new ArrayList<>();
    for (Application app : rendered.applications()) {
      String prefix = "helm/" + app.name() + "/";
      SortedMap<String, String> chart = new TreeMap<>();
      rendered.files().subMap(prefix, prefix + Character.MAX_VALUE)
          .forEach((path, content) -> chart.put(path.substring(prefix.length()), content));
      UnbumpedVersionCheck.check(app.name(), app.chartVersion(), outputDirectory.toPath().resolve("helm").resolve(app.name()), chart,
              line -> getLog().debug("chart-as-code: " + line))
          .ifPresent(f -> findings.add(f.message()));
    }
    for (String finding : findings) {
      if (mode.equals("warn")) {
        getLog().warn("chart-as-code: " + finding);
      }
    }
    if (mode.equals("fail") && !findings.isEmpty()) {
      throw new MojoFailureException("chart-as-code: " + String.join("\n", findings)
          + "\n(chartascode.check.unchangedVersion=fail; warn would only warn)");
    }
  }
}
