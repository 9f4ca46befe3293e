package io.chartascode.importer.testing;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.testing.Renders;
import io.chartascode.generator.testing.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Renders a model for one environment the two ways users deploy it, with the real binaries. */
public enum Renderer {
  /** {@code helm template <app> helm/<app> -f values-<env>.yaml -n <namespace> --skip-tests}. */
  HELM,
  /** {@code kubectl kustomize kustomize/<app>/overlays/<env>}. */
  KUSTOMIZE;

  /** Generates the model into a temporary directory, then renders {@code environment}. */
  public String render(Application app, String environment) {
    Environment env =
        app.environments().stream()
            .filter(e -> e.name().equals(environment))
            .findFirst()
            .orElseThrow(() -> new AssertionError(app.name() + " has no environment " + environment));
    Path root;
    try {
      root = Renders.generate(Files.createTempDirectory("generated"), List.of(app));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this == KUSTOMIZE
        ? Renders.kustomize(Tools.KUBECTL_1_31, Renders.overlay(root, app, env))
        : Renders.helmTemplate(Tools.HELM_3, root, app, env);
  }
}
