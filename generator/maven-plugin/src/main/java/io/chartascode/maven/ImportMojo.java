package io.chartascode.maven;

import io.chartascode.importer.ImportException;
import io.chartascode.importer.ImportRequest;
import io.chartascode.importer.ImportResult;
import io.chartascode.importer.Importer;
import io.chartascode.importer.SourceRootWriter;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

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
  public void execute() throws MojoFailureException {
    try {
      ImportResult result = Importer.importFiles(request());
      Path file = SourceRootWriter.write(result, output.toPath(), overwrite);
      getLog().info("chart-as-code: imported " + result.application().name() + " as " + result.qualifiedName()
          + " into " + project.getBasedir().toPath().relativize(file.toAbsolutePath()));
      result.report().lines().forEach(line -> getLog().info(line));
      getLog().info("Next: mvn generate-resources"
          + (catalog == null || catalog.isBlank() ? " (the catalog is found when it is the only class implementing Catalog;"
              + " otherwise set -D" + CatalogLoader.PROPERTY + "=" + result.qualifiedName() + ")" : ""));
    } catch (ImportException e) {
      throw new MojoFailureException("chart-as-code: import failed: " + e.getMessage());
    }
  }

  private ImportRequest request() {
    Optional<String> configuredCatalog = Optional.ofNullable(catalog).filter(c -> !c.isBlank());
    String pkg =
        given(packageName)
            .or(() -> configuredCatalog.filter(c -> c.contains(".")).map(c -> c.substring(0, c.lastIndexOf('.'))))
            .orElseGet(() -> javaPackage(project.getGroupId()));
    Optional<String> cls = given(className).or(() -> configuredCatalog.map(c -> c.substring(c.lastIndexOf('.') + 1)));
    List<Path> inputs = new ArrayList<>();
    files.forEach(f -> inputs.add(asTyped(f.toPath())));
    return new ImportRequest(inputs, pkg, cls, given(environment), given(deployment));
  }

  /**
   * Maven makes file parameters absolute; the importer writes the input's path into the source's
   * header, which is committed, so keep it as the user typed it when that reads the same file.
   */
  private Path asTyped(Path file) {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    boolean startedHere = Path.of("").toAbsolutePath().equals(base);
    return startedHere && file.startsWith(base) ? base.relativize(file) : file;
  }

  private static Optional<String> given(String value) {
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
