package io.chartascode.maven;

import io.chartascode.generator.GeneratedHeader;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * What {@code generate}, {@code check}, {@code package} and {@code push} share: the parameters,
 * the project's classpath, and compiling the model. Rendering is {@link ModelRendering}'s.
 *
 * <p>No type of chart-as-code-core may appear in a mojo, not even in a private method or a lambda
 * ({@link EngineClasspath} says why): a goal calls {@link #loadEngine()} before any class that uses
 * them. The constants named below ({@code GeneratedHeader.DEFAULT_COMMAND}, {@code
 * CatalogLoader.PROPERTY}) are copied in by javac, so they load nothing.
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

  @Component RepositorySystem repositorySystem;

  /**
   * The project's compile classpath. Maven resolved it for the goals that declare {@code
   * requiresDependencyResolution = COMPILE}; {@code generate} overrides this.
   */
  ModelClasspath modelClasspath() throws MojoExecutionException {
    try {
      List<ModelClasspath.Entry> entries = new ArrayList<>();
      Path output = Path.of(project.getBuild().getOutputDirectory());
      for (String element : project.getCompileClasspathElements()) {
        Path path = Path.of(element);
        if (!path.equals(output)) {
          entries.add(new ModelClasspath.Entry(coordinatesOf(path), path));
        }
      }
      return new ModelClasspath(entries);
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the project's compile classpath is not resolved", e);
    }
  }

  private String coordinatesOf(Path path) {
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getFile() != null && artifact.getFile().toPath().equals(path)) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getBaseVersion();
      }
    }
    return "";
  }

  /** The project's main sources compiled against {@code classpath}, or found unchanged since the last run. */
  ModelCompiler.Compiled compileModel(ModelClasspath classpath) throws MojoFailureException, MojoExecutionException {
    try {
      checkCoreVersion(classpath);
      List<Path> sourceRoots = new ArrayList<>();
      for (String root : project.getCompileSourceRoots()) {
        sourceRoots.add(Path.of(root));
      }
      String encoding = project.getProperties().getProperty("project.build.sourceEncoding");
      ModelCompiler.Compiled compiled =
          new ModelCompiler(sourceRoots, classpath.paths(), workDirectory(), release(), encoding == null ? "UTF-8" : encoding)
              .compile();
      if (getLog().isDebugEnabled()) {
        getLog().debug("chart-as-code: model " + (compiled.upToDate() ? "up to date" : "compiled")
            + " (" + compiled.sources() + " sources) in " + compiled.classes());
      }
      return compiled;
    } catch (ModelException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (RuntimeException e) {
      throw new MojoExecutionException("chart-as-code: cannot compile the model: " + e, e);
    }
  }

  /** Makes chart-as-code-core loadable; see {@link EngineClasspath}. */
  void loadEngine() throws MojoExecutionException {
    EngineClasspath.ensure(EngineClasspath.Library.CORE, getClass().getClassLoader(), plugin, repositorySystem,
        session.getRepositorySession(), project.getRemotePluginRepositories());
  }

  /** The plugin's own directory under the build directory: the compiled model and its stamps. */
  Path workDirectory() {
    return Path.of(project.getBuild().getDirectory(), "chart-as-code");
  }

  /** The model is built with the plugin's classes, so the project must use the same core. */
  private void checkCoreVersion(ModelClasspath classpath) {
    Optional<String> core = classpath.versionOf(plugin.getGroupId(), CORE_ARTIFACT);
    String wanted = plugin.getGroupId() + ":" + CORE_ARTIFACT + ":" + plugin.getVersion();
    if (core.isEmpty()) {
      throw new ModelException("the project has no dependency on " + CORE_ARTIFACT
          + ", which the model is written with; add " + wanted + " to <dependencies>");
    }
    if (!core.get().equals(plugin.getVersion())) {
      throw new ModelException("the project uses " + CORE_ARTIFACT + " " + core.get()
          + " but the plugin is " + plugin.getVersion() + "; use one version for both (" + wanted + ")");
    }
  }

  private Optional<String> release() {
    String release = project.getProperties().getProperty("maven.compiler.release");
    return release == null || release.isBlank() ? Optional.empty() : Optional.of(release);
  }

  /** The output directory as the user sees it: relative to where Maven was started, if inside it. */
  String outputName() {
    Path start = Path.of(session.getExecutionRootDirectory()).toAbsolutePath().normalize();
    Path out = outputDirectory.toPath().toAbsolutePath().normalize();
    return out.startsWith(start) && !out.equals(start) ? start.relativize(out).toString() : out.toString();
  }
}
