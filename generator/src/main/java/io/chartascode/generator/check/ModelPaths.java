package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;

/** Field paths in findings, e.g. {@code envapp.deployment.container[app].resources.limits.cpu}. */
final class ModelPaths {
  private ModelPaths() {}

  static String container(Application app) {
    return app.name() + ".deployment.container[" + app.workload().container().name() + "]";
  }

  static String pod(Application app) {
    return app.name() + ".deployment.pod";
  }
}
