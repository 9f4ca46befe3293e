package io.chartascode.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * Imports hand-written or rendered manifests ({@code helm template} output, a Kustomize build,
 * plain YAML) as the Java source of an equivalent model, written where the next {@code mvn
 * generate-resources} compiles and runs it. The report says what the model describes, what it
 * does not, and anything it could not keep exactly.
 *
 * <p>With {@code chartascode.catalog} set, the class gets that name, so no other setting is
 * needed; otherwise it is named after the application, in a package from the project's groupId.
 */
@Mojo(name = "import", requiresProject = true, threadSafe = true)
public final class ImportMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Component RepositorySystem repositorySystem;

  /** YAML files, or directories standing for their {@code *.yaml} files; comma-separated. */
  @Parameter(property = "import.files", required = true)
  List<File> files;

  /** The package of the generated class. Default: the catalog's package, else the groupId's. */
  @Parameter(property = "import.package")
  String packageName;

  /** The generated class. Default: the catalog's simple name, else the application's name in UpperCamelCase. */
  @Parameter(property = "import.class")
  String className;

  /** The environment the input was rendered for; it becomes an Environment with the input's namespace. */
  @Parameter(property = "import.environment")
  String environment;

  /** Which Deployment to import when the input has several. Default: the only one. */
  @Parameter(property = "import.deployment")
  String deployment;

  /** Replace an existing source file of the same name. */
  @Parameter(property = "import.overwrite", defaultValue = "false")
  boolean overwrite;

  /** The source root the class is written under. */
  @Parameter(property = "import.output", defaultValue = "${project.build.sourceDirectory}", required = true)
  File output;

  /** The catalog class that generate and check load; names the imported class when set. */
  @Parameter(property = CatalogLoader.PROPERTY)
  String catalog;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    EngineClasspath.ensure(EngineClasspath.Library.IMPORTER, getClass().getClassLoader(), plugin, repositorySystem,
        session.getRepositorySession(), project.getRemotePluginRepositories());
    ImportStep.run(this);
  }

  /**
   * Maven makes file parameters absolute; the importer writes the input's path into the source's
   * header, which is committed, so keep it as the user typed it when that reads the same file.
   */
  Path asTyped(Path file) {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    boolean startedHere = Path.of("").toAbsolutePath().equals(base);
    return startedHere && file.startsWith(base) ? base.relativize(file) : file;
  }

  static Optional<String> given(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** {@code com.example-shop} → {@code com.example_shop}: a groupId as a legal package name. */
  static String javaPackage(String groupId) {
    List<String> parts = new ArrayList<>();
    for (String part : groupId.toLowerCase(Locale.ROOT).split("\\.")) {
      String legal = part.replaceAll("[^a-z0-9_]", "_");
      if (legal.isEmpty() || Character.isDigit(legal.charAt(0)) || javax.lang.model.SourceVersion.isKeyword(legal)) {
        legal = "_" + legal;
      }
      parts.add(legal);
    }
    return String.join(".", parts);
  }
}
