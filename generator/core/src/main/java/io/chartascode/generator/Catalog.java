package io.chartascode.generator;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.MetricsServer;
import java.util.List;
import java.util.Optional;

/**
 * The applications a project generates, and what it generates for the cluster as a whole. The
 * plugin finds the one class implementing it, or the one named by {@code chartascode.catalog}; it
 * needs a public no-argument constructor.
 */
public interface Catalog {
  List<Application> applications();

  /**
   * A metrics-server component under {@code gitops/components/}, for clusters without one (kind).
   * Default: none.
   */
  default Optional<MetricsServer> metricsServer() {
    return Optional.empty();
  }
}
