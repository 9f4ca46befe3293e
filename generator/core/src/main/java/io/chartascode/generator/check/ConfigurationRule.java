package io.chartascode.generator.check;

import io.chartascode.generator.internal.ProjectFiles;
import io.chartascode.generator.internal.render.helm.HelmIgnore;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ConfigEntry;
import io.chartascode.generator.model.Configuration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Each configuration makes a ConfigMap the API server accepts: a name that is a DNS label and no
 * other configuration's, at least one key, keys Kubernetes allows, files that exist and are UTF-8
 * text, and at most 1 MiB of data by default and in every environment; and a chart that keeps each
 * text file: no key that the chart's {@code .helmignore} would skip.
 */
final class ConfigurationRule implements Rule {
  static final String ID = "CAC-CONFIG-001";
  /** Kubernetes' ConfigMap and Secret keys. */
  static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");

  private final ProjectFiles projectFiles;

  ConfigurationRule(ProjectFiles projectFiles) {
    this.projectFiles = projectFiles;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> check(Application app) {
    List<Finding> findings = new ArrayList<>();
    Map<String, Configuration> byName = new HashMap<>();
    for (Configuration configuration : app.configurations()) {
      String path = path(app, configuration);
      if (!KubernetesNames.isDnsLabel(configuration.name())) {
        findings.add(finding(path, "'" + configuration.name() + "' is not a DNS label (lower-case letters, digits and"
            + " '-', at most 63); it becomes part of the ConfigMap's name"));
      }
      if (byName.putIfAbsent(configuration.name(), configuration) != null) {
        findings.add(finding(path, "two different configurations are named '" + configuration.name()
            + "'; their ConfigMaps would collide. Use one object, or another name"));
      }
      if (configuration.entries().isEmpty()) {
        findings.add(finding(path, "has no keys"));
      }
      configuration.entries().forEach((key, entry) -> {
        if (!isKey(key)) {
          findings.add(finding(path + "[" + key + "]", "'" + key + "' is not a ConfigMap key (" + KEY + ", not '.' or '..')"));
        }
        if (entry instanceof ConfigEntry.File file && projectFiles.read(file.source()) instanceof ProjectFiles.Content.Unreadable u) {
          findings.add(finding(path + "[" + key + "]", u.reason() + " (relative paths are read from "
              + projectFiles.directory() + ")"));
        }
        // A text file is kept in the chart under its key's name, where helm must not skip it.
        if (entry instanceof ConfigEntry.File file && projectFiles.read(file.source()) instanceof ProjectFiles.Content.Text) {
          HelmIgnore.patternIgnoring(key).ifPresent(pattern -> findings.add(finding(path + "[" + key + "]",
              "'" + key + "' matches '" + pattern + "' in the chart's .helmignore: helm would leave the file out of"
                  + " the chart and the key would be empty. Give the key another name (Configuration.Builder.file(key, path))")));
        }
      });
      size(app, configuration, findings);
    }
    return findings;
  }

  static boolean isKey(String key) {
    return KEY.matcher(key).matches() && !key.equals(".") && !key.equals("..");
  }

  /** The data's size as Kubernetes counts it (keys and values, in bytes), for each scenario. */
  private void size(Application app, Configuration configuration, List<Finding> findings) {
    for (Scenario s : Scenario.of(app)) {
      long bytes = 0;
      for (Map.Entry<String, ConfigEntry> e : configuration.entries().entrySet()) {
        bytes += utf8(e.getKey());
        bytes += e.getValue().match(
            value -> (long) utf8(value.evaluate(s.values())),
            source -> (long) projectFiles.read(source).bytes());
      }
      if (bytes > ProjectFiles.MAX_OBJECT_BYTES) {
        findings.add(finding(path(app, configuration), "holds " + bytes + " bytes " + s.description()
            + ", over the 1 MiB (" + ProjectFiles.MAX_OBJECT_BYTES + " bytes) a ConfigMap may hold"));
      }
    }
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  static String path(Application app, Configuration configuration) {
    return app.name() + ".configuration[" + configuration.name() + "]";
  }
}
