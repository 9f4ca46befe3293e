package io.chartascode.testing;

import io.chartascode.generator.Generator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.write.FileTreeWriter;
import io.chartascode.testing.tools.Tool;
import io.chartascode.testing.tools.Toolbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Generates a model into a directory and renders it with the real, pinned binaries. */
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

  public static Path base(Path root, Application app) {
    return root.resolve("kustomize").resolve(app.name()).resolve("base");
  }

  public static Path overlay(Path root, Application app, Environment env) {
    return root.resolve("kustomize").resolve(app.name()).resolve("overlays").resolve(env.name());
  }

  /** {@code helm template <app> <chart> -f values-<env>.yaml -n <ns> --skip-tests}. */
  public static String helmTemplate(Tool helm, Path root, Application app, Environment env, String... extra) {
    Path chart = chart(root, app);
    List<String> args = new ArrayList<>(List.of("template", app.name(), chart.toString(),
        "-f", chart.resolve("values-" + env.name() + ".yaml").toString(), "--skip-tests"));
    env.namespace().ifPresent(ns -> args.addAll(List.of("--namespace", ns)));
    args.addAll(List.of(extra));
    return run(helm, args).assertSuccess().stdout();
  }

  /** {@code helm template <app> <chart> --skip-tests}: the chart's defaults. */
  public static String helmTemplateDefaults(Tool helm, Path root, Application app) {
    return run(helm, List.of("template", app.name(), chart(root, app).toString(), "--skip-tests")).assertSuccess().stdout();
  }

  /** {@code kubectl kustomize <dir>}: kubectl's built-in kustomize. */
  public static String kustomize(Tool kubectl, Path dir) {
    return run(kubectl, List.of("kustomize", dir.toString())).assertSuccess().stdout();
  }

  /** Runs helm with the given arguments; does not assert success. */
  public static Command.Result helm(Tool helm, String... args) {
    return run(helm, List.of(args));
  }

  /** The path of a pinned tool, provisioned on first use. */
  public static String binary(Tool tool) {
    return Toolbox.standard().path(tool).toString();
  }

  /** Runs a pinned tool with the given arguments; does not assert success. */
  public static Command.Result run(Tool tool, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary(tool));
    cmd.addAll(args);
    return Command.run(cmd);
  }
}
