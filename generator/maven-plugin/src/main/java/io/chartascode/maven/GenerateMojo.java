package io.chartascode.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.lifecycle.DefaultLifecycles;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.ProjectDependenciesResolver;

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
 * anyway. Such a run neither resolves the project's dependencies (it declares no dependency
 * resolution, and reuses the last run's classpath when it may: {@link ProjectClasspath}) nor loads
 * chart-as-code-core ({@link EngineClasspath}).
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
    requiresDependencyResolution = ResolutionScope.NONE,
    threadSafe = true)
public final class GenerateMojo extends AbstractModelMojo {
  @Component DefaultLifecycles lifecycles;

  @Component ProjectDependenciesResolver dependenciesResolver;

  /**
   * How many seconds to wait when another run (an IDE, another terminal, another module of a
   * {@code -T} build) is writing the same output directory; 0 fails at once. Either way the message
   * names the other run: pid, host and start time.
   */
  @Parameter(property = "chartascode.lockWaitSeconds", defaultValue = "60")
  int lockWaitSeconds;

  /**
   * Renders and writes even when the model, the files it names, the plugin and the tree are
   * unchanged since the last run; for a model that reads the environment, or opens files in its
   * own code.
   */
  @Parameter(property = "chartascode.force", defaultValue = "false")
  boolean force;

  /** This run's classpath, resolved at most once. */
  private ModelClasspath resolvedClasspath;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("chart-as-code: generate skipped");
      return;
    }
    if (LifecyclePlan.of(lifecycles).checkFollows(session.getGoals(), project.getPlugin(plugin.getPluginLookupKey()))) {
      ModelClasspath classpath = modelClasspath();
      ModelCompiler.Compiled compiled = compileModel(classpath);
      loadEngine();
      GenerateStep.validate(this, compiled, classpath);
      return;
    }
    ModelClasspath classpath = modelClasspath();
    ModelCompiler.Compiled compiled = compileModel(classpath);
    GenerationStamp stamp = GenerationStamp.of(workDirectory().resolve("generated.stamp"), inputs(compiled, classpath));
    if (!force && stamp.isCurrent(outputDirectory.toPath())) {
      getLog().info("chart-as-code: nothing to do: " + outputName() + ", the model and the plugin are as the last run"
          + " left them (-Dchartascode.force renders anyway)");
      return;
    }
    try {
      stamp.clear();
    } catch (IOException e) {
      throw new MojoExecutionException("chart-as-code: cannot delete the stamp in " + workDirectory() + ": " + e, e);
    }
    loadEngine();
    GenerateStep.write(this, compiled, classpath, stamp);
  }

  /**
   * The project's compile classpath: the last run's, when nothing that decides it changed, else
   * resolved here, as Maven would have for {@code requiresDependencyResolution = COMPILE}.
   */
  @Override
  ModelClasspath modelClasspath() throws MojoExecutionException {
    if (resolvedClasspath == null) {
      ProjectClasspath resolution = ProjectClasspath.of(workDirectory(), project, session);
      Optional<ModelClasspath> recorded = resolution.recorded();
      if (recorded.isPresent()) {
        getLog().debug("chart-as-code: the project's dependencies are as the last run resolved them");
        resolvedClasspath = recorded.get();
      } else {
        resolvedClasspath = resolution.resolve(project, session, dependenciesResolver);
      }
    }
    return resolvedClasspath;
  }

  /** Everything the output depends on besides the tree itself; see {@link GenerationStamp}. */
  private List<String> inputs(ModelCompiler.Compiled compiled, ModelClasspath classpath) {
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
    for (Path entry : classpath.paths()) {
      if (Files.isDirectory(entry)) {
        inputs.add(GenerationStamp.describe(entry));
      }
    }
    return inputs;
  }
}
