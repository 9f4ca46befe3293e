package io.chartascode.maven;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.GeneratedHeader;
import io.chartascode.generator.Generator;
import io.chartascode.generator.check.InvalidModelException;
import io.chartascode.generator.model.ConfigEntry;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.Application;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * From the compiled model to rendered files: load the catalog, validate, render. Uses
 * chart-as-code-core, so a goal calls {@link AbstractModelMojo#loadEngine()} before this class
 * loads: the JVM loads the exceptions it catches when it verifies it.
 */
final class ModelRendering {
  private ModelRendering() {}

  /** The catalog's applications and every file they render to. */
  record Rendered(List<Application> applications, SortedMap<String, String> files) {
    /** The files of the project that the applications name and the render read, in {@code directory}. */
    List<Path> projectFiles(Path directory) {
      SortedSet<Path> paths = new TreeSet<>();
      for (Application application : applications) {
        for (Configuration configuration : application.configurations()) {
          for (ConfigEntry entry : configuration.entries().values()) {
            if (entry instanceof ConfigEntry.File file) {
              paths.add(directory.resolve(file.source()).normalize());
            }
          }
        }
      }
      return List.copyOf(paths);
    }
  }

  /** Compiles the model if needed, then renders it; fails on a bad model. */
  static Rendered render(AbstractModelMojo mojo) throws MojoFailureException, MojoExecutionException {
    ModelClasspath classpath = mojo.modelClasspath();
    return render(mojo, mojo.compileModel(classpath), classpath);
  }

  /** The applications of the compiled model and their files; fails on a bad model. */
  static Rendered render(AbstractModelMojo mojo, ModelCompiler.Compiled compiled, ModelClasspath classpath)
      throws MojoFailureException, MojoExecutionException {
    try {
      Optional<String> configured = Optional.ofNullable(mojo.catalog).filter(c -> !c.isBlank());
      Catalog loaded = CatalogLoader.load(compiled.classes(), classpath.paths(), configured);
      return new Rendered(List.copyOf(loaded.applications()),
          Generator.render(loaded, new GeneratedHeader(mojo.regenerateCommand), mojo.project.getBasedir().toPath()));
    } catch (ModelException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (InvalidModelException e) {
      throw new MojoFailureException(e.getMessage() + "\n" + mojo.outputName() + " was not touched; fix the model and run again.");
    } catch (RuntimeException e) {
      throw new MojoExecutionException("chart-as-code: the model failed while it was built or rendered: " + e, e);
    }
  }
}
