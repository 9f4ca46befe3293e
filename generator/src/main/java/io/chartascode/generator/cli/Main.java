package io.chartascode.generator.cli;

import io.chartascode.generator.Generator;
import io.chartascode.generator.check.InvalidModelException;
import io.chartascode.generator.write.FileTreeWriter;
import io.chartascode.generator.write.WriteReport;
import io.chartascode.services.Services;
import java.nio.file.Path;
import java.util.SortedMap;

/**
 * {@code generate <output-dir>}: renders every service and writes the tree. Thin on purpose, like
 * a Maven Mojo: the work is in {@link Generator} and {@link FileTreeWriter}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length != 1 || args[0].startsWith("-")) {
      throw new IllegalArgumentException("usage: generate <output-dir>   (e.g. generated)");
    }
    Path out = Path.of(args[0]);
    SortedMap<String, String> files;
    try {
      files = Generator.render(Services.all());
    } catch (InvalidModelException e) {
      System.err.println("chart-as-code: " + e.getMessage());
      throw new IllegalStateException(
          "the model is invalid (" + e.findings().size() + " problems above); " + out + " was not touched",
          e);
    }
    WriteReport report = new FileTreeWriter(out).write(files);
    System.out.print("chart-as-code: " + report.summary(out.getFileName().toString()));
  }
}
