package io.chartascode.importer.testing;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.write.FileTreeWriter;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.Tool;
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
    Path root = null;
    try {
      root = Renders.generate(Files.createTempDirectory("generated"), List.of(app));
      return this == KUSTOMIZE
          ? Renders.kustomize(Tool.KUBECTL_1_31, Renders.overlay(root, app, env))
          : Renders.helmTemplate(Tool.HELM_3, root, app, env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (root != null) {
        try {
          FileTreeWriter.deleteRecursively(root);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
