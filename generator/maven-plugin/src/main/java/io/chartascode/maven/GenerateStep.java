package io.chartascode.maven;

import io.chartascode.generator.write.FileTreeWriter;
import io.chartascode.generator.write.TreeLockedException;
import io.chartascode.generator.write.WriteReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SortedMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** {@link GenerateMojo}'s work with chart-as-code-core, once {@link AbstractModelMojo#loadEngine()} loaded it. */
final class GenerateStep {
  private GenerateStep() {}

  /** Validates and renders, and leaves the tree to the check later in this build. */
  static void validate(GenerateMojo mojo, ModelCompiler.Compiled compiled, ModelClasspath classpath)
      throws MojoFailureException, MojoExecutionException {
    SortedMap<String, String> files = ModelRendering.render(mojo, compiled, classpath).files();
    mojo.getLog().info("chart-as-code: model valid, " + files.size() + " files rendered; " + mojo.outputName()
        + " left as it is for chart-as-code:check later in this build");
  }

  /** Renders and writes the tree, and saves {@code stamp} for the next run. */
  static void write(GenerateMojo mojo, ModelCompiler.Compiled compiled, ModelClasspath classpath, GenerationStamp stamp)
      throws MojoFailureException, MojoExecutionException {
    ModelRendering.Rendered rendered = ModelRendering.render(mojo, compiled, classpath);
    SortedMap<String, String> files = rendered.files();
    Path tree = mojo.outputDirectory.toPath();
    WriteReport report;
    try {
      report = new FileTreeWriter(tree)
          .withLockWait(Duration.ofSeconds(Math.max(0, mojo.lockWaitSeconds)))
          .withMessages(message -> mojo.getLog().warn("chart-as-code: " + message))
          .write(files);
    } catch (TreeLockedException e) {
      throw new MojoFailureException("chart-as-code: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("chart-as-code: cannot write " + mojo.outputDirectory + ": " + e.getMessage(), e);
    }
    report.changed().forEach(p -> mojo.getLog().debug("chart-as-code: written   " + p));
    report.removed().forEach(p -> mojo.getLog().debug("chart-as-code: removed   " + p));
    report.unmanaged().forEach(p -> mojo.getLog().warn("chart-as-code: " + mojo.outputName() + "/" + p
        + " was not generated; it is kept, but move it out of " + mojo.outputName()));
    try {
      stamp.save(tree, rendered.projectFiles(mojo.project.getBasedir().toPath()));
    } catch (IOException e) {
      mojo.getLog().debug("chart-as-code: no up-to-date stamp (" + e + "); the next run renders again");
    }
    mojo.getLog().info("chart-as-code: " + mojo.outputName() + ": " + files.size() + " files, "
        + report.changed().size() + " written, " + report.removed().size() + " removed, "
        + report.unchanged().size() + " unchanged");
  }
}
