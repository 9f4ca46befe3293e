package io.chartascode.generator.internal.render.kustomize;

import io.chartascode.generator.internal.ProjectFiles;
import io.chartascode.generator.internal.k8s.ConfigMapNames;
import io.chartascode.generator.internal.k8s.LabelSet;
import io.chartascode.generator.internal.k8s.Labels;
import io.chartascode.generator.internal.yaml.YamlMap;
import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.internal.yaml.YamlScalar;
import io.chartascode.generator.internal.yaml.YamlSeq;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ConfigEntry;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.ParameterValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The {@code configMapGenerator} entries of the application's configurations. The base generates
 * every key at its default; an overlay merges the keys whose value its environment changes.
 * Kustomize appends the content hash to the name and rewrites every reference to it, which is
 * what the chart reproduces (see the Helm side's {@code ConfigMapTemplate}).
 *
 * <p>Text goes in as a literal, {@code KEY="value"}: Kustomize takes a literal's value after the
 * first {@code =} and strips one pair of enclosing quotes, so quoting every value passes any text
 * through unchanged, quotes and {@code =} included. Files are copied into the base, under {@code
 * files/<configuration>/<key>}, and named in {@code files}.
 */
final class ConfigMapGenerators {
  private final Application app;
  private final ProjectFiles projectFiles;

  ConfigMapGenerators(Application app, ProjectFiles projectFiles) {
    this.app = app;
    this.projectFiles = projectFiles;
  }

  /**
   * The base's generators; {@code files} receives the copied files, by path in the base, and
   * {@code patches} the patches that add binary files, which a generator only reads from disk.
   */
  YamlSeq base(BiConsumer<String, String> files, BiConsumer<String, YamlNode> patches) {
    List<YamlNode> generators = new ArrayList<>();
    ParameterValues defaults = app.defaults();
    for (Configuration configuration : app.configurations()) {
      List<YamlNode> literals = new ArrayList<>();
      List<YamlNode> sources = new ArrayList<>();
      YamlMap.Builder binaryData = YamlMap.builder();
      for (Map.Entry<String, ConfigEntry> e : configuration.entries().entrySet()) {
        String key = e.getKey();
        e.getValue().match(
            value -> literals.add(literal(key, value.evaluate(defaults))),
            source -> {
              if (projectFiles.readable(source) instanceof ProjectFiles.Content.Binary binary) {
                binaryData.put(key, binary.base64());
                return true;
              }
              String file = "files/" + configuration.name() + "/" + key;
              files.accept(file, ((ProjectFiles.Content.Text) projectFiles.readable(source)).text());
              return sources.add(YamlScalar.string(key + "=" + file));
            });
      }
      String name = ConfigMapNames.baseName(app, configuration);
      YamlMap binary = binaryData.build();
      if (!binary.entries().isEmpty()) {
        // Kustomize hashes the generated ConfigMap after patches, so the binary data is in its hash.
        patches.accept("configmap-" + configuration.name() + "-binary.yaml", YamlMap.builder()
            .put("apiVersion", "v1")
            .put("kind", "ConfigMap")
            .put("metadata", YamlMap.builder().put("name", name).build())
            .put("binaryData", binary)
            .build());
      }
      YamlMap.Builder generator = YamlMap.builder().put("name", name);
      extraLabels(defaults).ifPresent(labels -> generator.put("options", YamlMap.builder().put("labels", labels).build()));
      if (!literals.isEmpty()) {
        generator.put("literals", YamlSeq.of(literals));
      }
      if (!sources.isEmpty()) {
        generator.put("files", YamlSeq.of(sources));
      }
      generators.add(generator.build());
    }
    return YamlSeq.of(generators);
  }

  /** The generators an overlay merges into the base's: the keys whose value {@code values} changes. */
  Optional<YamlSeq> overlay(ParameterValues values) {
    List<YamlNode> generators = new ArrayList<>();
    ParameterValues defaults = app.defaults();
    for (Configuration configuration : app.configurations()) {
      List<YamlNode> literals = new ArrayList<>();
      configuration.entries().forEach((key, entry) -> {
        // Files are the same everywhere; only text can vary.
        if (entry instanceof ConfigEntry.Text text && !text.value().evaluate(values).equals(text.value().evaluate(defaults))) {
          literals.add(literal(key, text.value().evaluate(values)));
        }
      });
      // The objects' extra labels, where the environment changes them; Kustomize's merge merges them too.
      Optional<YamlMap> labels = Labels.extra(app, LabelSet.OBJECT)
          .filter(p -> !values.get(p).equals(defaults.get(p)))
          .flatMap(p -> extraLabels(values));
      if (!literals.isEmpty() || labels.isPresent()) {
        YamlMap.Builder generator = YamlMap.builder()
            .put("name", ConfigMapNames.baseName(app, configuration))
            .put("behavior", "merge");
        if (!literals.isEmpty()) {
          generator.put("literals", YamlSeq.of(literals));
        }
        labels.ifPresent(l -> generator.put("options", YamlMap.builder().put("labels", l).build()));
        generators.add(generator.build());
      }
    }
    return generators.isEmpty() ? Optional.empty() : Optional.of(YamlSeq.of(generators));
  }

  /** The objects' extra labels for these values, as a generator's {@code options.labels}; none when empty. */
  private Optional<YamlMap> extraLabels(ParameterValues values) {
    return Labels.extra(app, LabelSet.OBJECT).map(values::get).filter(labels -> !labels.isEmpty()).map(labels -> {
      YamlMap.Builder map = YamlMap.builder();
      labels.forEach(map::put);
      return map.build();
    });
  }

  private static YamlScalar literal(String key, String value) {
    return YamlScalar.string(key + "=\"" + value + "\"");
  }
}
