package io.chartascode.generator.check;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.EnvFrom;
import io.chartascode.generator.model.EnvVar;
import io.chartascode.generator.model.KeySource;
import io.chartascode.generator.model.KeyVolume;
import io.chartascode.generator.model.SecretReference;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pod reads from a ConfigMap or Secret is there: env vars and volume items name keys the
 * source has, Secrets are named (by default and in every environment) and declare valid keys,
 * and {@code envFrom} prefixes make valid variable names. (That their files are mounted read-only
 * is {@link VolumesRule}'s to check.)
 */
final class KeyReferencesRule implements Rule {
  @Override
  public String id() {
    return "CAC-CONFIG-002";
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    for (SecretReference secret : app.secrets()) {
      String path = app.name() + ".secret[" + secret.displayName() + "]";
      for (Scenario s : Scenario.of(app)) {
        String name = secret.name().evaluate(s.values());
        if (!KubernetesNames.isObjectName(name)) {
          findings.add(finding(path, "'" + name + "' " + s.description() + " is not a Secret name (a DNS-1123 subdomain)"));
        }
      }
      secret.keys().keySet().stream().filter(key -> !ConfigurationRule.isKey(key)).forEach(key ->
          findings.add(finding(path + "[" + key + "]", "'" + key + "' is not a Secret key (" + ConfigurationRule.KEY + ")")));
    }
    for (Container c : app.workload().allContainers()) {
      String at = ModelPaths.container(app, c);
      for (EnvVar var : c.env()) {
        var.match(
            value -> null,
            ref -> key(at + ".env[" + var.name() + "]", ref.source(), ref.key(), findings),
            source -> null);
      }
      for (EnvFrom from : c.envFrom()) {
        if (!from.prefix().isEmpty() && !EnvVarsRule.NAME.matcher(from.prefix()).matches()) {
          findings.add(finding(at + ".envFrom[" + from.source() + "]", "prefix '" + from.prefix()
              + "' does not start a valid variable name"));
        }
      }
    }
    for (KeyVolume volume : app.workload().keyVolumes()) {
      for (String key : volume.keys()) {
        key(ModelPaths.pod(app) + ".volume[" + volume.name() + "]", volume.source(), key, findings);
      }
    }
    return findings;
  }

  private Void key(String path, KeySource source, String key, List<Finding> findings) {
    if (!source.hasKey(key)) {
      findings.add(finding(path, "reads key '" + key + "', which " + source + " does not have"
          + source.match(c -> "", s -> "; declare it with SecretReference.Builder.key")));
    }
    return null;
  }
}
