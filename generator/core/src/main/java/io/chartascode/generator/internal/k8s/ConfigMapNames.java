package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Configuration;

/** How a {@link Configuration}'s ConfigMap is named before its content hash is appended. */
public final class ConfigMapNames {
  private ConfigMapNames() {}

  /** {@code <app>-<configuration>}, as the Kustomize base names the generator and the pods refer to it. */
  public static String baseName(Application app, Configuration configuration) {
    return app.name() + "-" + configuration.name();
  }
}
