package io.chartascode.maven;

import io.chartascode.importer.ImportException;
import io.chartascode.importer.ImportRequest;
import io.chartascode.importer.ImportResult;
import io.chartascode.importer.Importer;
import io.chartascode.importer.SourceRootWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;

/** {@link ImportMojo}'s work with chart-as-code-importer, once {@link EngineClasspath} loaded it. */
final class ImportStep {
  private ImportStep() {}

  static void run(ImportMojo mojo) throws MojoFailureException {
    try {
      ImportResult result = Importer.importFiles(request(mojo));
      Path file = SourceRootWriter.write(result, mojo.output.toPath(), mojo.overwrite);
      mojo.getLog().info("chart-as-code: imported " + result.application().name() + " as " + result.qualifiedName()
          + " into " + mojo.project.getBasedir().toPath().relativize(file.toAbsolutePath()));
      result.report().lines().forEach(line -> mojo.getLog().info(line));
      mojo.getLog().info("Next: mvn generate-resources"
          + (mojo.catalog == null || mojo.catalog.isBlank() ? " (the catalog is found when it is the only class implementing Catalog;"
              + " otherwise set -D" + CatalogLoader.PROPERTY + "=" + result.qualifiedName() + ")" : ""));
    } catch (ImportException e) {
      throw new MojoFailureException("chart-as-code: import failed: " + e.getMessage());
    }
  }

  private static ImportRequest request(ImportMojo mojo) {
    Optional<String> configuredCatalog = Optional.ofNullable(mojo.catalog).filter(c -> !c.isBlank());
    String pkg =
        ImportMojo.given(mojo.packageName)
            .or(() -> configuredCatalog.filter(c -> c.contains(".")).map(c -> c.substring(0, c.lastIndexOf('.'))))
            .orElseGet(() -> ImportMojo.javaPackage(mojo.project.getGroupId()));
    Optional<String> cls = ImportMojo.given(mojo.className).or(() -> configuredCatalog.map(c -> c.substring(c.lastIndexOf('.') + 1)));
    List<Path> inputs = new ArrayList<>();
    for (java.io.File f : mojo.files) {
      inputs.add(mojo.asTyped(f.toPath()));
    }
    return new ImportRequest(inputs, pkg, cls, ImportMojo.given(mojo.environment), ImportMojo.given(mojo.deployment));
  }
}
