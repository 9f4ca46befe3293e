package io.chartascode.bench;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.Generator;
import io.chartascode.generator.GeneratedHeader;
import io.chartascode.generator.write.FileTreeWriter;
import io.chartascode.generator.write.WriteReport;
import java.nio.file.Path;

/**
 * {@code GenerateCatalog <output-dir> <catalog-class>}: the generator without Maven, for the
 * benchmarks' runs in a plain JVM. Renders the catalog and writes the tree, as the plugin's
 * generate goal does after it has compiled the model. {@code -Dchartascode.bench.fsync=false}
 * writes without fsync (to measure what it costs), and {@code GenerateCatalog <output-dir>
 * --recover} only undoes a killed write (bench/kill-loop.sh).
 */
public final class GenerateCatalog {
  private GenerateCatalog() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: GenerateCatalog <output-dir> <catalog-class>");
    }
    Path out = Path.of(args[0]);
    FileTreeWriter writer =
        new FileTreeWriter(out)
            .withFsync(!"false".equals(System.getProperty("chartascode.bench.fsync")))
            .withMessages(message -> System.out.println("chart-as-code: " + message));
    if (args[1].equals("--recover")) {
      System.out.println("chart-as-code: " + (writer.recover() ? "undid an interrupted write" : "nothing to undo"));
      return;
    }
    Catalog catalog = (Catalog) Class.forName(args[1]).getDeclaredConstructor().newInstance();
    long start = System.nanoTime();
    var files = Generator.render(catalog, GeneratedHeader.DEFAULT, SyntheticCatalog.projectDirectory());
    long rendered = System.nanoTime();
    System.out.println("chart-as-code: rendered, writing"); // bench/kill-loop.sh aims its kills from here
    System.out.flush();
    WriteReport report = writer.write(files);
    long written = System.nanoTime();
    System.out.print("chart-as-code: " + report.summary(out.getFileName().toString()));
    System.out.printf("chart-as-code: render %d ms, write %d ms%n", (rendered - start) / 1_000_000, (written - rendered) / 1_000_000);
  }
}
