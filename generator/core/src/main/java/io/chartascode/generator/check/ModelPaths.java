package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;

/** Field paths in findings, e.g. {@code envapp.deployment.container[app].resources.limits.cpu}. */
final class ModelPaths {
  private ModelPaths() {}

  static String container(Application app, Container container) {
    boolean init = app.workload().initContainers().contains(container);
    return app.name() + ".deployment." + (init ? "initContainer[" : "container[") + container.name() + "]";
  }

  static String pod(Application app) {
    return app.name() + ".deployment.pod";
  }
}
