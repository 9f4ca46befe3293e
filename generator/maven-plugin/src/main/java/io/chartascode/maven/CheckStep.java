package io.chartascode.maven;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.write.Drift;
import io.chartascode.generator.write.FileTreeWriter;
import io.chartascode.maven.ModelRendering.Rendered;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** {@link CheckMojo}'s work with chart-as-code-core, once {@link AbstractModelMojo#loadEngine()} loaded it. */
final class CheckStep {
  private CheckStep() {}

  static void run(CheckMojo mojo) throws MojoExecutionException, MojoFailureException {
    Rendered rendered = ModelRendering.render(mojo);
    var files = rendered.files();
    Drift drift;
    try {
      // Waits for a generate writing the same tree (an IDE, another module), and never reads one
      // that a killed run left half-swapped.
      drift = new FileTreeWriter(mojo.outputDirectory.toPath())
          .withMessages(message -> mojo.getLog().warn("chart-as-code: " + message))
          .readWhole(tree -> Drift.between(tree, files));
    } catch (IllegalStateException e) { // a half-written tree, or TreeLockedException after the wait
      throw new MojoFailureException("chart-as-code: " + e.getMessage(), e);
    }
    if (!drift.isEmpty()) {
      throw new MojoFailureException(drift.report(mojo.regenerateCommand));
    }
    mojo.getLog().info("chart-as-code: " + mojo.outputName() + " is up to date (" + files.size() + " files)");
    checkVersions(mojo, rendered);
  }

  private static void checkVersions(CheckMojo mojo, Rendered rendered) throws MojoFailureException {
    String mode = mojo.unchangedVersion == null ? "warn" : mojo.unchangedVersion.strip().toLowerCase(java.util.Locale.ROOT);
    if (!List.of("warn", "fail", "ignore").contains(mode)) {
      throw new MojoFailureException("chart-as-code: chartascode.check.unchangedVersion is '" + mojo.unchangedVersion
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
      UnbumpedVersionCheck.check(app.name(), app.chartVersion(), mojo.outputDirectory.toPath().resolve("helm").resolve(app.name()), chart,
              line -> mojo.getLog().debug("chart-as-code: " + line))
          .ifPresent(f -> findings.add(f.message()));
    }
    for (String finding : findings) {
      if (mode.equals("warn")) {
        mojo.getLog().warn("chart-as-code: " + finding);
      }
    }
    if (mode.equals("fail") && !findings.isEmpty()) {
      throw new MojoFailureException("chart-as-code: " + String.join("\n", findings)
          + "\n(chartascode.check.unchangedVersion=fail; warn would only warn)");
    }
  }
}
