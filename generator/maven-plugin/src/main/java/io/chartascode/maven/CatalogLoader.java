package io.chartascode.maven;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.MetricsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads the user's catalog from the compiled model and asks it for its applications.
 *
 * <p>The model's classes see the plugin's own chart-as-code and fabric8 classes first (parent
 * first), so the {@link Application}s they build are the ones the plugin renders; the project's
 * other dependencies come from its classpath. That is why the project's chart-as-code-core must
 * be the plugin's version, which {@link PluginVersions} checks before this runs.
 */
final class CatalogLoader {
  static final String OPTION = "catalog";
  static final String PROPERTY = "chartascode.catalog";

  private CatalogLoader() {}

  /**
   * The catalog {@code configured}, or the one among the compiled classes, with its applications
   * read once: a catalog is the user's code, and may build its model on every call.
   */
  static Catalog load(Path classes, List<Path> classpath, Optional<String> configured) {
    List<URL> urls = new ArrayList<>();
    urls.add(url(classes));
    classpath.forEach(p -> urls.add(url(p)));
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), Catalog.class.getClassLoader())) {
      String name = configured.orElseGet(() -> discover(classes, loader));
      Catalog catalog = instantiate(name, loader);
      List<Application> applications = catalog.applications();
      if (applications == null || applications.isEmpty()) {
        throw new ModelException("catalog " + name + " has no applications; return at least one from applications()");
      }
      Optional<MetricsServer> metricsServer = catalog.metricsServer();
      return new Catalog() {
        @Override
        public List<Application> applications() {
          return List.copyOf(applications);
        }

        @Override
        public Optional<MetricsServer> metricsServer() {
          return metricsServer;
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Catalog instantiate(String name, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new ModelException(
          "catalog class " + name + " (" + PROPERTY + ") is not among the project's compiled sources or dependencies");
    } catch (ExceptionInInitializerError e) {
      throw new ModelException("catalog class " + name + " failed in its static initializer: " + e.getCause());
    }
    if (!Catalog.class.isAssignableFrom(type)) {
      throw new ModelException("catalog class " + name + " (" + PROPERTY + ") does not implement " + Catalog.class.getName());
    }
    try {
      return (Catalog) type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new ModelException("catalog class " + name + " needs a public no-argument constructor");
    } catch (InstantiationException e) {
      throw new ModelException("catalog class " + name + " is abstract; name a concrete class");
    } catch (InvocationTargetException e) {
      throw new ModelException("catalog class " + name + " failed to construct: " + e.getCause());
    }
  }

  /** The one concrete public class under {@code classes} that implements {@link Catalog}. */
  private static String discover(Path classes, ClassLoader loader) {
    List<String> names = classNames(classes);
    List<String> catalogs = new ArrayList<>();
    for (String name : names) {
      try {
        Class<?> type = Class.forName(name, false, loader);
        int modifiers = type.getModifiers();
        if (Catalog.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(modifiers)
            && Modifier.isPublic(modifiers)) {
          catalogs.add(name);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // A class that cannot even be loaded is not a catalog; javac compiled it, so it is rare.
      }
    }
    if (catalogs.size() == 1) {
      return catalogs.get(0);
    }
    String how = "set <" + OPTION + "> in the plugin's configuration, or -D" + PROPERTY + "=<class>";
    if (catalogs.isEmpty()) {
      throw new ModelException("no catalog: none of the " + names.size() + " classes compiled from the project's sources"
          + " implements " + Catalog.class.getName() + ". Write one (see the README's \"Use it in your project\"), or "
          + how + " to name one on the classpath");
    }
    throw new ModelException(catalogs.size() + " classes implement " + Catalog.class.getName() + ": "
        + String.join(", ", catalogs) + "; " + how + " to choose one");
  }

  private static List<String> classNames(Path classes) {
    try (Stream<Path> walk = Files.walk(classes)) {
      return walk.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
          .map(p -> classes.relativize(p).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", ""))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(path.toString(), e);
    }
  }
}
