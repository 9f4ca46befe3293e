package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.internal.ProjectFiles;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.ParameterValues;

/** How a {@link Configuration}'s ConfigMap is named, before and after its content hash is appended. */
public final class ConfigMapNames {
  private ConfigMapNames() {}

  /** {@code <app>-<configuration>-<hash>}: the name Helm and Kustomize both give it for these values. */
  public static String deployedName(Application app, Configuration configuration, ParameterValues values, ProjectFiles files) {
    return baseName(app, configuration) + "-" + ConfigMapContent.of(configuration, values, files).hashSuffix();
  }

  /** {@code <app>-<configuration>}, as the Kustomize base names the generator and the pods refer to it. */
  public static String baseName(Application app, Configuration configuration) {
    return app.name() + "-" + configuration.name();
  }
}
