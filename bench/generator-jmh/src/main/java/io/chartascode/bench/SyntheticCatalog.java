package io.chartascode.bench;

import java.util.SortedMap;

import java.nio.file.Path;

import io.chartascode.generator.GeneratedHeader;

import io.chartascode.generator.Generator;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Bound;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Parameter;
import io.chartascode.envapp.chart.EnvApp;
import io.chartascode.envapp.chart.Showcase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * N services for scale runs: envapp itself, then copies of it that differ only in their names and
 * namespaces ({@code envapp-002} ... {@code envapp-100}). Each copy renders the same files as
 * envapp under its own directories, so the cost per service stays comparable across N.
 *
 * <p>The command line loads it by name; {@value #SERVICES_PROPERTY} sets N (default 1), and
 * {@value #APP_VERSION_PROPERTY} gives the first service another {@code appVersion}: the edit of a
 * release bump (Chart.yaml and the version label change), for runs over a tree that has changed.
 *
 * <pre>
 * java -Dchartascode.bench.services=100 -cp ... io.chartascode.generator.cli.Main out \
 *     --catalog=io.chartascode.bench.SyntheticCatalog
 * </pre>
 */
public final class SyntheticCatalog implements Catalog {
  /** The system property that sets the number of services. */
  public static final String SERVICES_PROPERTY = "chartascode.bench.services";

  /** The system property that sets the first service's {@code appVersion}. */
  public static final String APP_VERSION_PROPERTY = "chartascode.bench.appVersion";

  /**
   * The system property that sets how many services, from the first, get that {@code appVersion}
   * (default 1): bench/kill-loop.sh changes half of them, so a write both rewrites many files and
   * moves many untouched directories.
   */
  public static final String CHANGED_SERVICES_PROPERTY = "chartascode.bench.changedServices";

  /** Helm caps release names, and so application names, at 53 characters. */
  private static final int MAX_NAME = 53;

  private final int services;
  private final Optional<String> firstAppVersion;
  private final int changedServices;

  /**
   * N from {@value #SERVICES_PROPERTY}, default 1, and the first service's {@code appVersion} from
   * {@value #APP_VERSION_PROPERTY}, default envapp's: for {@code --catalog=}.
   */
  public SyntheticCatalog() {
    this(
        Integer.getInteger(SERVICES_PROPERTY, 1),
        Optional.ofNullable(System.getProperty(APP_VERSION_PROPERTY)));
  }

  public SyntheticCatalog(int services) {
    this(services, Optional.empty());
  }

  /** N services, the first with {@code firstAppVersion}. */
  public SyntheticCatalog(int services, String firstAppVersion) {
    this(services, Optional.of(firstAppVersion));
  }

  private SyntheticCatalog(int services, Optional<String> firstAppVersion) {
    if (services < 1 || services > 999) {
      throw new IllegalArgumentException(
          SERVICES_PROPERTY + " (" + services + ") must be between 1 and 999");
    }
    this.services = services;
    this.firstAppVersion = firstAppVersion;
    this.changedServices = Math.max(1, Math.min(services, Integer.getInteger(CHANGED_SERVICES_PROPERTY, 1)));
  }

  @Override
  public List<Application> applications() {
    List<Application> apps = services(services);
    firstAppVersion.ifPresent(v -> {
      for (int i = 0; i < changedServices; i++) {
        apps.set(i, copy(apps.get(i), apps.get(i).name(), v));
      }
    });
    return apps;
  }

  /**
   * Where the copied services' files (showcase's configuration file) are read from: {@code
   * -Dchartascode.projectDirectory}, by default envapp/chart as seen from this module, where the
   * tests and JMH run.
   */
  public static Path projectDirectory() {
    return Path.of(System.getProperty("chartascode.projectDirectory", "../../envapp/chart"));
  }

  /** Every file of {@code apps}, with their files read from {@link #projectDirectory()}. */
  public static SortedMap<String, String> render(List<Application> apps) {
    return Generator.render(apps, GeneratedHeader.DEFAULT, projectDirectory());
  }

  /**
   * The system property that picks the service copied: {@code envapp} (the default, as in the
   * recorded runs) or {@code showcase}, which uses every workload feature of the model.
   */
  public static final String SERVICE_PROPERTY = "chartascode.bench.service";

  /** envapp (or showcase, by {@value #SERVICE_PROPERTY}), then {@code n - 1} renamed copies of it. */
  public static List<Application> services(int n) {
    Application envapp = "showcase".equals(System.getProperty(SERVICE_PROPERTY)) ? Showcase.application() : EnvApp.application();
    List<Application> apps = new ArrayList<>(n);
    apps.add(envapp);
    for (int i = 2; i <= n; i++) {
      apps.add(renamed(envapp, String.format("%s-%03d", envapp.name(), i)));
    }
    return apps;
  }

  /** The same application under another name; see {@link #copy}. */
  public static Application renamed(Application app, String name) {
    return copy(app, name, app.appVersion());
  }

  /**
   * The same application under another name and {@code appVersion}; namespaces {@code
   * <old>-<env>} become {@code <name>-<env>}. Copies every property of {@link Application}: {@code
   * SyntheticCatalogTest} fails when a new one is missed.
   */
  static Application copy(Application app, String name, String appVersion) {
    if (name.length() > MAX_NAME) {
      throw new IllegalArgumentException(
          "'" + name + "' is longer than " + MAX_NAME + " characters");
    }
    Application.Builder copy =
        Application.builder(name)
            .description(app.description())
            .chartVersion(app.chartVersion())
            .appVersion(appVersion)
            .parameters(app.parameters().toArray(new Parameter<?>[0]))
            .workload(app.workload())
            .service(app.service());
    app.autoscaling().ifPresent(copy::autoscaling);
    for (Bound bound : app.bounds()) {
      copy.bound(bound.lower(), bound.upper());
    }
    for (Environment env : app.environments()) {
      Environment.Builder renamedEnv = Environment.builder(env.name());
      env.namespace()
          .map(ns -> ns.equals(app.name() + "-" + env.name()) ? name + "-" + env.name() : ns)
          .ifPresent(renamedEnv::namespace);
      env.overrides().forEach(renamedEnv::setUnchecked);
      copy.environment(renamedEnv.build());
    }
    app.optOuts().forEach(copy::optOut);
    app.argoCd().ifPresent(copy::argoCd);
    copy.disruptionBudget(app.disruptionBudget()).networkPolicy(app.networkPolicy());
    app.serviceAccountAnnotations().ifPresent(copy::serviceAccountAnnotations);
    app.objects().forEach(o -> {
      if (o.enabled().isPresent()) {
        copy.object(o.fileStem(), o.enabled().get(), o.template());
      } else {
        copy.object(o.fileStem(), o.template());
      }
    });
    copy.chartMetadata(app.chartMetadata());
    app.ingress().ifPresent(copy::ingress);
    app.httpRoute().ifPresent(copy::httpRoute);
    app.labels().ifPresent(copy::labels);
    app.configurations().forEach(copy::configuration);
    return copy.build();
  }
}
