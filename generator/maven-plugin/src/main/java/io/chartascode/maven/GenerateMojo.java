package io.chartascode.maven;

import io.chartascode.generator.write.FileTreeWriter;
import io.chartascode.generator.write.TreeLockedException;
import io.chartascode.generator.write.WriteReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.apache.maven.lifecycle.DefaultLifecycles;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Renders the catalog and writes the Helm charts, Kustomize trees and GitOps files into {@link
 * #outputDirectory}, all or nothing. The model is compiled from the project's sources first, so
 * this works from a clean checkout. Prints one summary line; the files it wrote at debug level.
 *
 * <p>When the same build goes on to {@code chart-as-code:check} (for example {@code mvn verify}
 * with both goals bound), it validates and renders but does not write, so the check compares the
 * committed tree, not the one just written.
 *
 * <p>When nothing it reads changed since its last run, and the tree is as that run left it, it
 * says so and does nothing else ({@link GenerationStamp}); {@code -Dchartascode.force} renders
 * anyway.
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class GenerateMojo extends AbstractModelMojo {
  @Component DefaultLifecycles lifecycles;

  /**
   * How many seconds to wait when another run (an IDE, another terminal, another module of a
   * {@code -T} build) is writing the same output directory; 0 fails at once. Either way the message
   * names the other run: pid, host and start time.
   */
  @Parameter(property = "chartascode.lockWaitSeconds", defaultValue = "60")
  int lockWaitSeconds;

  /**
   * Renders and writes even when the model, the plugin and the tree are unchanged since the last
   * run; for a model that reads files outside {@code src/main} or the environment.
   */
  @Parameter(property = "chartascode.force", defaultValue = "false")
  boolean force;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("chart-as-code: generate skipped");
      return;
    }
    if (LifecyclePlan.of(lifecycles).checkFollows(session.getGoals(), project.getPlugin(plugin.getPluginLookupKey()))) {
      SortedMap<String, String> files = renderModel().files();
      getLog().info("chart-as-code: model valid, " + files.size() + " files rendered; " + outputName()
          + " left as it is for chart-as-code:check later in this build");
      return;
    }
    ModelCompiler.Compiled compiled = compileModel();
    Path tree = outputDirectory.toPath();
    GenerationStamp stamp = GenerationStamp.of(workDirectory().resolve("generated.sha256"), inputs(compiled));
    if (!force && stamp.isCurrent(tree)) {
      getLog().info("chart-as-code: nothing to do: " + outputName() + ", the model and the plugin are as the last run"
          + " left them (-Dchartascode.force renders anyway)");
      return;
    }
    try {
      stamp.clear();
    } catch (IOException e) {
      throw new MojoExecutionException("chart-as-code: cannot delete the stamp in " + workDirectory() + ": " + e, e);
    }
    SortedMap<String, String> files = renderModel(compiled).files();
    WriteReport report;
    try {
      report = new FileTreeWriter(tree)
          .withLockWait(Duration.ofSeconds(Math.max(0, lockWaitSeconds)))
          .withMessages(message -> getLog().warn("chart-as-code: " + message))
          .write(files);
    } catch (TreeLockedException e) {
      throw new MojoFailureException("chart-as-code: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("chart-as-code: cannot write " + outputDirectory + ": " + e.getMessage(), e);
    }
    report.changed().forEach(p -> getLog().debug("chart-as-code: written   " + p));
    report.removed().forEach(p -> getLog().debug("chart-as-code: removed   " + p));
    report.unmanaged().forEach(p -> getLog().warn("chart-as-code: " + outputName() + "/" + p
        + " was not generated; it is kept, but move it out of " + outputName()));
    try {
      stamp.save(tree);
    } catch (IOException e) {
      getLog().debug("chart-as-code: no up-to-date stamp (" + e + "); the next run renders again");
    }
    getLog().info("chart-as-code: " + outputName() + ": " + files.size() + " files, "
        + report.changed().size() + " written, " + report.removed().size() + " removed, "
        + report.unchanged().size() + " unchanged");
  }

  /** Everything the output depends on besides the tree itself; see {@link GenerationStamp}. */
  private List<String> inputs(ModelCompiler.Compiled compiled) throws MojoExecutionException {
    File pluginJar = plugin.getPluginArtifact() == null ? null : plugin.getPluginArtifact().getFile();
    List<String> inputs = new ArrayList<>(List.of(
        "model " + compiled.fingerprint(),
        "plugin " + plugin.getId() + (pluginJar == null ? "" : "|" + pluginJar.length() + "|" + pluginJar.lastModified()),
        "catalog " + catalog,
        "regenerateCommand " + regenerateCommand,
        "outputDirectory " + outputDirectory.toPath().toAbsolutePath().normalize(),
        GenerationStamp.describe(project.getBasedir().toPath().resolve("src").resolve("main"))));
    // A sibling module's classes (a multi-module build) are a directory on the classpath, whose own
    // time does not change when a class in it does: every file counts.
    for (Path entry : classpath()) {
      if (Files.isDirectory(entry)) {
        inputs.add(GenerationStamp.describe(entry));
      }
    }
    return inputs;
  }
}
