package io.chartascode.bench;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.Generator;
import io.chartascode.generator.render.GeneratedHeader;
import io.chartascode.generator.write.FileTreeWriter;
import io.chartascode.generator.write.WriteReport;
import java.nio.file.Path;

/**
 * {@code GenerateCatalog <output-dir> <catalog-class>}: the generator without Maven, for the
 * benchmarks' runs in a plain JVM. Renders the catalog and writes the tree, as the plugin's
 * generate goal does after it has compiled the model.
 */
public final class GenerateCatalog {
  private GenerateCatalog() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: GenerateCatalog <output-dir> <catalog-class>");
    }
    Path out = Path.of(args[0]);
    Catalog catalog = (Catalog) Class.forName(args[1]).getDeclaredConstructor().newInstance();
    WriteReport report = new FileTreeWriter(out).write(Generator.render(catalog, GeneratedHeader.DEFAULT));
    System.out.print("chart-as-code: " + report.summary(out.getFileName().toString()));
  }
}
