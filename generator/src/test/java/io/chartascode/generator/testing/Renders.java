package io.chartascode.generator.testing;

import io.chartascode.generator.Generator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.write.FileTreeWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Generates a model into a directory and renders it with the real binaries. */
public final class Renders {
  private Renders() {}

  /** Writes the generated tree for {@code apps} under {@code root} and returns root. */
  public static Path generate(Path root, List<Application> apps) {
    new FileTreeWriter(root).write(Generator.render(apps));
    return root;
  }

  public static Path chart(Path root, Application app) {
    return root.resolve("helm").resolve(app.name());
  }

  public static Path overlay(Path root, Application app, Environment env) {
    return root.resolve("kustomize").resolve(app.name()).resolve("overlays").resolve(env.name());
  }

  /** {@code helm template <app> <chart> -f values-<env>.yaml -n <ns> --skip-tests}. */
  public static String helmTemplate(Tools helm, Path root, Application app, Environment env, String... extra) {
    Path chart = chart(root, app);
    List<String> cmd = new ArrayList<>(List.of(helm.path(), "template", app.name(), chart.toString(),
        "-f", chart.resolve("values-" + env.name() + ".yaml").toString(), "--skip-tests"));
    env.namespace().ifPresent(ns -> cmd.addAll(List.of("--namespace", ns)));
    cmd.addAll(List.of(extra));
    return Command.run(cmd).assertSuccess().stdout();
  }

  /** {@code kubectl kustomize <overlay>}: kubectl's built-in kustomize. */
  public static String kustomize(Tools kubectl, Path overlay) {
    return Command.run(List.of(kubectl.path(), "kustomize", overlay.toString())).assertSuccess().stdout();
  }

  /** Runs helm with the given arguments; does not assert success. */
  public static Command.Result helm(Tools helm, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(helm.path());
    cmd.addAll(List.of(args));
    return Command.run(cmd, Map.of());
  }
}
