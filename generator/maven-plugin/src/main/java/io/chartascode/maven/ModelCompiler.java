package io.chartascode.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the project's main sources, where the model lives, into a directory of the plugin's
 * own, so that {@code mvn generate-resources} works from a clean checkout: that phase comes
 * before Maven's {@code compile}. It uses the JDK's compiler in process, and skips the work when
 * neither a source nor the classpath changed since the last run (a fingerprint file).
 *
 * <p>Its own directory, not {@code target/classes}: the compiler plugin keeps its incremental
 * state there, and the user's compiler settings (processors, flags) stay the compiler plugin's.
 */
final class ModelCompiler {
  private static final String FINGERPRINT = "fingerprint.txt";

  private final List<Path> sourceRoots;
  private final List<Path> classpath;
  private final Path outputDirectory;
  private final Optional<String> release;
  private final String encoding;

  ModelCompiler(List<Path> sourceRoots, List<Path> classpath, Path outputDirectory, Optional<String> release, String encoding) {
    this.sourceRoots = List.copyOf(sourceRoots);
    this.classpath = List.copyOf(classpath);
    this.outputDirectory = outputDirectory;
    this.release = release;
    this.encoding = encoding;
  }

  /**
   * The outcome: where the classes are, how many sources they came from, whether this run
   * compiled them, and the fingerprint of everything they were compiled from.
   */
  record Compiled(Path classes, int sources, boolean upToDate, String fingerprint) {}

  /** Compiles when needed; throws {@link ModelException} with javac's errors when it fails. */
  Compiled compile() {
    List<Path> sources = sources();
    if (sources.isEmpty()) {
      throw new ModelException(
          "no Java sources in " + sourceRoots.stream().map(Path::toString).collect(Collectors.joining(", "))
              + "; the model (a class implementing io.chartascode.generator.Catalog) belongs there");
    }
    Path classes = outputDirectory.resolve("classes");
    String fingerprint = fingerprint(sources);
    Path stamp = outputDirectory.resolve(FINGERPRINT);
    if (Files.isDirectory(classes) && fingerprint.equals(readQuietly(stamp))) {
      return new Compiled(classes, sources.size(), true, fingerprint);
    }
    try {
      deleteRecursively(classes);
      Files.createDirectories(classes);
      Files.deleteIfExists(stamp);
      javac(sources, classes);
      Files.writeString(stamp, fingerprint, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Compiled(classes, sources.size(), false, fingerprint);
  }

  private void javac(List<Path> sources, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new ModelException("Maven runs on a JRE without a Java compiler; run it with a JDK (JAVA_HOME)");
    }
    List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-encoding", encoding, "-nowarn",
        "-implicit:class", "-classpath", classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator))));
    release.ifPresent(r -> options.addAll(List.of("--release", r)));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
      if (!ok) {
        throw new ModelException("the model does not compile:\n" + errors(diagnostics));
      }
    }
  }

  private static String errors(DiagnosticCollector<JavaFileObject> diagnostics) {
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> "  " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
            + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }

  private List<Path> sources() {
    List<Path> sources = new ArrayList<>();
    for (Path root : sourceRoots) {
      if (Files.isDirectory(root)) {
        try {
          for (Path file : GenerationStamp.walk(root, false)) {
            if (file.toString().endsWith(".java")) {
              sources.add(file);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return sources;
  }

  /**
   * Every input that changes the classes, one line each: sources (path, size, mtime), classpath,
   * flags. Kept as text, not digested: see {@link GenerationStamp}.
   */
  private String fingerprint(List<Path> sources) {
    try {
      StringBuilder text = new StringBuilder();
      for (Path source : sources) {
        text.append(source).append('|').append(Files.size(source)).append('|')
            .append(Files.getLastModifiedTime(source).toMillis()).append('\n');
      }
      for (Path entry : classpath) {
        long modified = Files.exists(entry) ? Files.getLastModifiedTime(entry).toMillis() : -1;
        text.append(entry).append('|').append(modified).append('\n');
      }
      return text.append(release.orElse("")).append('|').append(encoding).append('|')
          .append(Runtime.version().feature()).append('\n').toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Its own, not FileTreeWriter's: this class runs before chart-as-code-core is loaded. */
  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
