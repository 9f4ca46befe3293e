package io.chartascode.maven;

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
    loadEngine();
    CheckStep.run(this);
  }
}
