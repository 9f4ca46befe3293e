package io.chartascode.envapp.chart;

import io.chartascode.generator.Catalog;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.MetricsServer;
import java.util.List;
import java.util.Optional;

/**
 * What this repository generates: envapp, into generated/{helm,kustomize,gitops}/envapp; showcase,
 * the second reference service (envapp's binary with every workload feature), next to it; and the
 * metrics-server component that kind/up.sh installs, since kind has none and envapp autoscales.
 */
public final class EnvAppCatalog implements Catalog {
  @Override
  public List<Application> applications() {
    return List.of(EnvApp.application(), Showcase.application());
  }

  @Override
  public Optional<MetricsServer> metricsServer() {
    return Optional.of(MetricsServer.forLocalCluster());
  }
}
