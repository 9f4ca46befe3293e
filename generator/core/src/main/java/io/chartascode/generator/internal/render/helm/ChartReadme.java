package io.chartascode.generator.internal.render.helm;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ChartParameters;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterValues;
import io.chartascode.generator.model.SecretReference;
import io.chartascode.generator.GeneratedHeader;
import io.chartascode.generator.internal.render.ValuesTree;
import io.chartascode.generator.internal.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The chart's README: install commands and a values table generated from the parameters. */
final class ChartReadme {
  private ChartReadme() {}

  static String render(Application app, GeneratedHeader header) {
    StringBuilder md = new StringBuilder();
    md.append(header.markdown()).append('\n');
    md.append("# ").append(app.name()).append("\n\n").append(app.description()).append("\n\n");
    secrets(app, md);
    md.append("## Install\n\nFrom an OCI registry, where `mvn chart-as-code:push -Dchartascode.registry=$REGISTRY`"
        + " publishes it (the archive inside is byte-for-byte the same on every build):\n\n```sh\n");
    md.append("REGISTRY=oci://ghcr.io/my-org/charts   # where the chart was pushed\n");
    md.append("helm install ").append(app.name()).append(" $REGISTRY/").append(app.name())
        .append(" --version ").append(app.chartVersion()).append('\n');
    if (!app.environments().isEmpty()) {
      md.append("# an environment's values are in the chart; pull it to use them\n");
      md.append("helm pull $REGISTRY/").append(app.name()).append(" --version ").append(app.chartVersion())
          .append(" --untar\n");
    }
    for (Environment env : app.environments()) {
      md.append("helm install ").append(app.name()).append(' ').append(app.name())
          .append(" -f ").append(app.name()).append("/values-").append(env.name()).append(".yaml")
          .append(env.namespace().map(ns -> " -n " + ns + " --create-namespace").orElse(""))
          .append('\n');
    }
    md.append("```\n\nFrom this repository's checkout:\n\n```sh\n");
    for (Environment env : app.environments()) {
      md.append("helm install ")
          .append(app.name())
          .append(" generated/helm/")
          .append(app.name())
          .append(" -f generated/helm/")
          .append(app.name())
          .append("/values-")
          .append(env.name())
          .append(".yaml")
          .append(env.namespace().map(ns -> " -n " + ns + " --create-namespace").orElse(""))
          .append('\n');
    }
    if (app.environments().isEmpty()) {
      md.append("helm install ").append(app.name()).append(" generated/helm/").append(app.name()).append('\n');
    }
    md.append("```\n\n");
    md.append("## Values\n\n");
    md.append("Every value is typed in `values.schema.json`; Helm rejects anything else.\n\n");
    md.append("| Key | Type | Default | Constraints | Description |\n");
    md.append("|-----|------|---------|-------------|-------------|\n");
    for (Parameter<?> p : ChartParameters.of(app)) {
      md.append("| `").append(p.name()).append("` | ")
          .append(p.type().displayName()).append(" | ")
          .append(code(p.defaultValue())).append(" | ")
          .append(constraints(p)).append(" | ")
          .append(cell(p.description())).append(" |\n");
    }
    if (!app.environments().isEmpty()) {
      md.append("\n## Environments\n\n| Environment | Namespace | Overrides |\n");
      md.append("|-------------|-----------|-----------|\n");
      for (Environment env : app.environments()) {
        List<String> overrides = new ArrayList<>();
        for (Map.Entry<Parameter<?>, Object> o : env.overrides().entrySet()) {
          overrides.add("`" + o.getKey().name() + "`=" + code(o.getValue()));
        }
        md.append("| ").append(env.name()).append(" | ")
            .append(env.namespace().map(ns -> "`" + ns + "`").orElse("(release namespace)"))
            .append(" | ").append(String.join(", ", overrides)).append(" |\n");
      }
    }
    return md.toString();
  }

  /** The Secrets to create before installing; the chart reads them and never holds their values. */
  private static void secrets(Application app, StringBuilder md) {
    if (app.secrets().isEmpty()) {
      return;
    }
    md.append("## Secrets\n\nThe chart reads these Secrets and does not create them; create them in the release's"
        + " namespace first. Their values never enter the chart or its values.\n\n");
    md.append("| Secret | Key | Holds |\n|--------|-----|-------|\n");
    for (SecretReference secret : app.secrets()) {
      secret.keys().forEach((key, description) ->
          md.append("| ").append(secretName(secret)).append(" | `").append(key).append("` | ").append(cell(description)).append(" |\n"));
    }
    md.append("\n```sh\n");
    for (SecretReference secret : app.secrets()) {
      md.append("kubectl create secret generic ").append(secret.name().evaluate(app.defaults()));
      secret.keys().keySet().forEach(key -> md.append(" --from-literal=").append(key).append("=..."));
      md.append('\n');
    }
    md.append("```\n\n");
  }

  /** {@code `db`}, or {@code `db` (value `secrets.db`)} where a value names it. */
  private static String secretName(SecretReference secret) {
    String name = "`" + secret.name().evaluate(ParameterValues.defaults(secret.name().parameters().toList())) + "`";
    List<String> parameters = secret.name().parameters().map(p -> "`" + p.name() + "`").toList();
    return parameters.isEmpty() ? name : name + " (value " + String.join(", ", parameters) + ")";
  }

  private static String constraints(Parameter<?> p) {
    List<String> c = new ArrayList<>();
    p.pattern().ifPresent(pattern -> c.add("pattern `" + cell(pattern.pattern()) + "`"));
    if (!p.allowedValues().isEmpty()) {
      c.add("one of " + String.join(", ", p.allowedValues()));
    }
    p.minimum().ifPresent(min -> c.add("≥ " + min));
    p.maximum().ifPresent(max -> c.add("≤ " + max));
    return String.join("; ", c);
  }

  private static String code(Object value) {
    String yaml = YamlWriter.write(ValuesTree.node(value)).strip();
    return "`" + cell(yaml) + "`";
  }

  /** Escapes the table separator. */
  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
