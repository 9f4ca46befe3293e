package io.chartascode.importer.testing;

import io.chartascode.generator.Generator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.write.FileTreeWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
      root = Files.createTempDirectory("generated");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    new FileTreeWriter(root).write(Generator.render(List.of(app)));
    if (this == KUSTOMIZE) {
      return Tools.KUBECTL.run("kustomize", root.resolve("kustomize/" + app.name() + "/overlays/" + env.name()).toString());
    }
    Path chart = root.resolve("helm/" + app.name());
    List<String> args = new ArrayList<>(List.of("template", app.name(), chart.toString(),
        "-f", chart.resolve("values-" + env.name() + ".yaml").toString(), "--skip-tests"));
    env.namespace().ifPresent(ns -> args.addAll(List.of("--namespace", ns)));
    return Tools.HELM.run(args.toArray(String[]::new));
  }
}
