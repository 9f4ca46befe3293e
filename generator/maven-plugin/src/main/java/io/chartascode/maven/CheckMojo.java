package io.chartascode.maven;

import io.chartascode.generator.write.Drift;
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

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipCheck) {
      getLog().info("chart-as-code: check skipped");
      return;
    }
    var files = render();
    Drift drift = Drift.between(outputDirectory.toPath(), files);
    if (!drift.isEmpty()) {
      throw new MojoFailureException(drift.report(regenerateCommand));
    }
    getLog().info("chart-as-code: " + outputName() + " is up to date (" + files.size() + " files)");
  }
}
