package io.chartascode.importer.testing;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.model.Application;
import io.chartascode.importer.ImportResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.chartascode.generator.write.FileTreeWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated source with {@code javax.tools} against the test classpath, with every lint
 * warning on and treated as an error, loads it, and runs it. This is what a user's build does with
 * the file the importer writes.
 */
public final class Compiled {
  /** The same source compiles to the same class; helm and kustomize cases share one compilation. */
  private static final Map<String, Class<?>> CACHE = new ConcurrentHashMap<>();

  private Compiled() {}

  /** The class the source defines, compiled and loaded in a fresh class loader. */
  public static Class<?> compile(ImportResult result) {
    return CACHE.computeIfAbsent(result.source(), source -> compileNow(result));
  }

  private static Class<?> compileNow(ImportResult result) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    Path dir = null;
    try {
      dir = Files.createTempDirectory("imported");
      Path source = dir.resolve("src").resolve(result.relativePath());
      Files.createDirectories(source.getParent());
      Files.writeString(source, result.source(), StandardCharsets.UTF_8);
      Path classes = Files.createDirectories(dir.resolve("classes"));
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<String> options =
            List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                "--release", "17", "-Xlint:all", "-Xlint:-processing", "-Werror", "-proc:none");
        boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source)).call();
        if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
          throw new AssertionError("the generated source does not compile cleanly:\n"
              + diagnostics.getDiagnostics().stream().map(Compiled::show).collect(Collectors.joining("\n"))
              + "\n--- source ---\n" + numbered(result.source()));
        }
      }
      // The class files are read into memory, so the directory can go now (nothing is left in tmp).
      return new InMemoryClassLoader(classes, Compiled.class.getClassLoader()).loadClass(result.qualifiedName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    } finally {
      if (dir != null) {
        try {
          FileTreeWriter.deleteRecursively(dir);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete " + dir, e);
        }
      }
    }
  }

  /** Defines the classes compiled into a directory from bytes read up front. */
  private static final class InMemoryClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes = new java.util.HashMap<>();

    InMemoryClassLoader(Path dir, ClassLoader parent) throws IOException {
      super(parent);
      try (var files = Files.walk(dir)) {
        for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
          String relative = dir.relativize(file).toString();
          String name = relative.substring(0, relative.length() - ".class".length()).replace(file.getFileSystem().getSeparator(), ".");
          classes.put(name, Files.readAllBytes(file));
        }
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }

  /** {@code X.application()} of the compiled class; also checks it works as a {@code Catalog}. */
  public static Application application(ImportResult result) {
    Class<?> type = compile(result);
    try {
      Application app = (Application) type.getMethod("application").invoke(null);
      List<Application> catalog = ((Catalog) type.getConstructor().newInstance()).applications();
      if (catalog.size() != 1 || !catalog.get(0).name().equals(app.name())) {
        throw new AssertionError("applications() should be List.of(application()), was " + catalog);
      }
      return app;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("running " + result.qualifiedName() + ".application() failed", e);
    }
  }

  private static String show(Diagnostic<? extends JavaFileObject> d) {
    return d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT);
  }

  private static String numbered(String source) {
    String[] lines = source.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      out.append(String.format(Locale.ROOT, "%4d  %s%n", i + 1, lines[i]));
    }
    return out.toString();
  }
}
