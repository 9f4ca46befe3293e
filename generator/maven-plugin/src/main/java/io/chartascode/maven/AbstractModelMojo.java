package io.chartascode.maven;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.Generator;
import io.chartascode.generator.check.InvalidModelException;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.GeneratedHeader;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What {@code generate} and {@code check} share: the parameters, and the way from the project's
 * sources to rendered files (compile the model, load the catalog, validate, render).
 */
abstract class AbstractModelMojo extends AbstractMojo {
  static final String CORE_ARTIFACT = "chart-as-code-core";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /**
   * The class that implements {@code io.chartascode.generator.Catalog}. Optional when exactly one
   * class compiled from the project's sources implements it.
   */
  @Parameter(property = CatalogLoader.PROPERTY)
  String catalog;

  /** The tree of charts and overlays, committed with the project. */
  @Parameter(property = "chartascode.outputDirectory", defaultValue = "${project.basedir}/generated", required = true)
  File outputDirectory;

  /**
   * The command named in each generated file's header and in drift reports, so readers know how
   * to regenerate; set it when the project has a wrapper or another entry point.
   */
  @Parameter(property = "chartascode.regenerateCommand", defaultValue = GeneratedHeader.DEFAULT_COMMAND, required = true)
  String regenerateCommand;

  /** Skips the goal. */
  @Parameter(property = "chartascode.skip", defaultValue = "false")
  boolean skip;

  /** The catalog's applications and every file they render to. */
  record Rendered(List<Application> applications, SortedMap<String, String> files) {}

  /** The applications and their files; fails on a bad model. */
  Rendered renderModel() throws MojoFailureException, MojoExecutionException {
    return renderModel(compileModel());
  }

  /** The project's main sources compiled, or found unchanged since the last run. */
  ModelCompiler.Compiled compileModel() throws MojoFailureException, MojoExecutionException {
    try {
      checkCoreVersion();
      ModelCompiler.Compiled compiled =
          new ModelCompiler(
                  project.getCompileSourceRoots().stream().map(Path::of).toList(),
                  classpath(),
                  workDirectory(),
                  release(),
                  Optional.ofNullable(project.getProperties().getProperty("project.build.sourceEncoding")).orElse("UTF-8"))
              .compile();
      getLog().debug("chart-as-code: model " + (compiled.upToDate() ? "up to date" : "compiled")
          + " (" + compiled.sources() + " sources) in " + compiled.classes());
      return compiled;
    } catch (ModelException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (RuntimeException e) {
      throw new MojoExecutionException("chart-as-code: cannot compile the model: " + e, e);
    }
  }

  /** The applications of the compiled model and their files; fails on a bad model. */
  Rendered renderModel(ModelCompiler.Compiled compiled) throws MojoFailureException, MojoExecutionException {
    try {
      Catalog loaded =
          CatalogLoader.load(compiled.classes(), classpath(), Optional.ofNullable(catalog).filter(c -> !c.isBlank()));
      return new Rendered(List.copyOf(loaded.applications()), Generator.render(loaded, new GeneratedHeader(regenerateCommand), project.getBasedir().toPath()));
    } catch (ModelException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (InvalidModelException e) {
      throw new MojoFailureException(e.getMessage() + "\n" + outputName() + " was not touched; fix the model and run again.");
    } catch (RuntimeException e) {
      throw new MojoExecutionException("chart-as-code: the model failed while it was built or rendered: " + e, e);
    }
  }

  /** The plugin's own directory under the build directory: the compiled model and its stamps. */
  Path workDirectory() {
    return Path.of(project.getBuild().getDirectory(), "chart-as-code");
  }

  /** The project's compile classpath without its own output directory, which the model replaces. */
  List<Path> classpath() throws MojoExecutionException {
    try {
      List<Path> entries = new ArrayList<>();
      for (String element : project.getCompileClasspathElements()) {
        if (!Path.of(element).equals(Path.of(project.getBuild().getOutputDirectory()))) {
          entries.add(Path.of(element));
        }
      }
      return entries;
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the project's compile classpath is not resolved", e);
    }
  }

  /** The model is built with the plugin's classes, so the project must use the same core. */
  private void checkCoreVersion() {
    Optional<Artifact> core =
        project.getArtifacts().stream()
            .filter(a -> a.getGroupId().equals(plugin.getGroupId()) && a.getArtifactId().equals(CORE_ARTIFACT))
            .findFirst();
    String wanted = plugin.getGroupId() + ":" + CORE_ARTIFACT + ":" + plugin.getVersion();
    if (core.isEmpty()) {
      throw new ModelException("the project has no dependency on " + CORE_ARTIFACT
          + ", which the model is written with; add " + wanted + " to <dependencies>");
    }
    if (!core.get().getBaseVersion().equals(plugin.getVersion())) {
      throw new ModelException("the project uses " + CORE_ARTIFACT + " " + core.get().getBaseVersion()
          + " but the plugin is " + plugin.getVersion() + "; use one version for both (" + wanted + ")");
    }
  }

  private Optional<String> release() {
    return Optional.ofNullable(project.getProperties().getProperty("maven.compiler.release")).filter(r -> !r.isBlank());
  }

  /** The output directory as the user sees it: relative to where Maven was started, if inside it. */
  String outputName() {
    Path start = Path.of(session.getExecutionRootDirectory()).toAbsolutePath().normalize();
    Path out = outputDirectory.toPath().toAbsolutePath().normalize();
    return out.startsWith(start) && !out.equals(start) ? start.relativize(out).toString() : out.toString();
  }
}
