package io.chartascode.generator.cli;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.Generator;
import io.chartascode.generator.check.InvalidModelException;
import io.chartascode.generator.write.FileTreeWriter;
import io.chartascode.generator.write.WriteReport;
import io.chartascode.services.Services;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * {@code generate <output-dir> [--catalog=<class>] [--maven-goals=[...]]}: renders every
 * application of the catalog (default {@link Services}) and writes the tree.
 * Thin on purpose, like a Maven Mojo: the work is in {@link Generator} and {@link FileTreeWriter}.
 *
 * <p>Maven runs this in {@code generate-resources}, which {@code verify} passes through too. A
 * verify run must not rewrite {@code generated/}, or the drift test could never fail; so when the
 * requested goals reach the test phases, it only validates and reports whether the tree is current.
 */
public final class Main {
  private static final Set<String> TEST_AND_LATER_PHASES =
      Set.of(
          "generate-test-sources", "process-test-sources", "generate-test-resources",
          "process-test-resources", "test-compile", "process-test-classes", "test",
          "prepare-package", "package", "pre-integration-test", "integration-test",
          "post-integration-test", "verify", "install", "deploy");

  private Main() {}

  public static void main(String[] args) {
    if (args.length < 1 || args[0].startsWith("-")) {
      throw new IllegalArgumentException(
          "usage: generate <output-dir> [--catalog=<class>] [--maven-goals=[goal, ...]]");
    }
    Path out = Path.of(args[0]);
    boolean checkOnly = false;
    String catalog = Services.class.getName();
    for (String arg : Arrays.asList(args).subList(1, args.length)) {
      if (arg.startsWith("--catalog=")) {
        catalog = arg.substring("--catalog=".length());
      } else {
        checkOnly |= reachesTests(arg);
      }
    }
    SortedMap<String, String> files;
    try {
      files = Generator.render(load(catalog).applications());
    } catch (InvalidModelException e) {
      System.err.println("chart-as-code: " + e.getMessage());
      throw new IllegalStateException(
          "the model is invalid (" + e.findings().size() + " problems above); " + out + " was not touched",
          e);
    }
    String name = out.getFileName().toString();
    if (checkOnly) {
      boolean current = FileTreeWriter.isCurrent(out, files);
      System.out.println(
          "chart-as-code: model valid, " + files.size() + " files rendered; " + name
              + (current
                  ? " is up to date"
                  : " is STALE (GeneratedTreeIsUpToDateTest will show the diff; run ./mvnw generate-resources)")
              + ". Not writing during a test run.");
      return;
    }
    WriteReport report = new FileTreeWriter(out).write(files);
    System.out.print("chart-as-code: " + report.summary(name));
  }

  private static Catalog load(String className) {
    try {
      return (Catalog) Class.forName(className).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException(
          "catalog " + className + " must be a class implementing " + Catalog.class.getName()
              + " with a public no-argument constructor",
          e);
    }
  }

  private static boolean reachesTests(String arg) {
    if (!arg.startsWith("--maven-goals=")) {
      throw new IllegalArgumentException("unknown option " + arg);
    }
    String list = arg.substring("--maven-goals=".length()).replaceAll("^\\[|\\]$", "");
    return List.of(list.split("[,\\s]+")).stream().anyMatch(TEST_AND_LATER_PHASES::contains);
  }
}
