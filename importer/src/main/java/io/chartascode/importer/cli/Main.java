package io.chartascode.importer.cli;

import io.chartascode.importer.ImportException;
import io.chartascode.importer.ImportRequest;
import io.chartascode.importer.ImportResult;
import io.chartascode.importer.Importer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code import --files=a.yaml[,dir] [--package=p] [--class=C] [--environment=e] [--deployment=d]
 * [--output=src/main/java] [--overwrite=true]}: what {@code -Dimport.*} runs (see README.md).
 * Thin, like a Mojo: the work is in {@link Importer}. Empty values mean "not given", so Maven can
 * pass every property whether it is set or not.
 *
 * <p>With {@code --output}, it writes the source under that source root and prints the report;
 * without, it prints the source on stdout and the report on stderr.
 */
public final class Main {
  static final String USAGE =
      "usage: -Dimport.files=<file.yaml|dir>[,...] [-Dimport.package=io.chartascode.services] [-Dimport.class=ShopApi]"
          + " [-Dimport.environment=prod] [-Dimport.deployment=<name>] [-Dimport.output=generator/src/main/java]"
          + " [-Dimport.overwrite=true]";
  private static final List<String> OPTIONS =
      List.of("files", "package", "class", "environment", "deployment", "output", "overwrite");

  private Main() {}

  public static void main(String[] args) {
    run(args, System.out, System.err);
  }

  /** Runs one import; throws {@link ImportException} with a message for the user on bad input. */
  public static ImportResult run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options = parse(args);
    List<Path> files = new ArrayList<>();
    for (String file : options.getOrDefault("files", "").split(",")) {
      if (!file.isBlank()) {
        files.add(Path.of(file.trim()));
      }
    }
    if (files.isEmpty()) {
      throw new ImportException("no input files; " + USAGE);
    }
    ImportRequest request =
        new ImportRequest(
            files,
            option(options, "package").orElse(ImportRequest.DEFAULT_PACKAGE),
            option(options, "class"),
            option(options, "environment"),
            option(options, "deployment"));
    ImportResult result = Importer.importFiles(request);
    Optional<String> output = option(options, "output");
    if (output.isEmpty()) {
      out.print(result.source());
      result.report().lines().forEach(err::println);
      return result;
    }
    Path target = Path.of(output.get()).resolve(result.relativePath());
    boolean overwrite = Boolean.parseBoolean(options.getOrDefault("overwrite", "false"));
    if (Files.exists(target) && !overwrite) {
      throw new ImportException(
          target + " exists; pass -Dimport.overwrite=true to replace it, or choose another -Dimport.class");
    }
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(target, result.source(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ImportException(target + ": cannot write: " + e.getMessage(), e);
    }
    out.println("chart-as-code importer: wrote " + target + " (" + result.qualifiedName() + ")");
    out.println();
    result.report().lines().forEach(out::println);
    out.println();
    out.println("Next: add " + result.className() + ".application() to your catalog (Services.all()) and run"
        + " ./mvnw generate-resources, or try it on its own:");
    out.println("  ./mvnw -q -pl generator generate-resources -Dchartascode.catalog=" + result.qualifiedName()
        + " -Dgenerated.dir=/tmp/" + result.application().name());
    return result;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String key = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : "";
      if (!OPTIONS.contains(key)) {
        throw new ImportException("unknown argument " + arg + "; " + USAGE);
      }
      options.put(key, arg.substring(eq + 1));
    }
    return options;
  }

  private static Optional<String> option(Map<String, String> options, String key) {
    return Optional.ofNullable(options.get(key)).map(String::trim).filter(v -> !v.isEmpty());
  }

}
