package io.chartascode.generator.internal.render.helm;

import io.chartascode.generator.GeneratedHeader;
import io.chartascode.generator.internal.ProjectFiles;
import io.chartascode.generator.internal.k8s.ConfigMapNames;
import io.chartascode.generator.internal.k8s.Manifest;
import io.chartascode.generator.internal.k8s.ManifestFactory;
import io.chartascode.generator.internal.yaml.YamlDocument;
import io.chartascode.generator.internal.yaml.YamlMap;
import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.internal.yaml.YamlRawBlock;
import io.chartascode.generator.internal.yaml.YamlScalar;
import io.chartascode.generator.internal.yaml.YamlWriter;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The ConfigMap of one {@link Configuration}, named as Kustomize's {@code configMapGenerator} names
 * it: {@code <fullname>-<name>-<hash>}, where the hash is computed in the chart from the rendered
 * data, the way Kustomize's {@code api/hasher} computes it (see {@code ConfigMapHash}, its Java
 * copy):
 *
 * <ol>
 *   <li>{@code {"data": <data>, "kind": "ConfigMap", "name": ""}} as JSON (Kustomize hashes the
 *       object before it names it), which Helm's {@code
 *       toJson} and Kustomize both write with Go's {@code encoding/json}: keys sorted, {@code <},
 *       {@code >} and {@code &} escaped as {@code &#92;u003c}, {@code &#92;u003e}, {@code &#92;u0026}, U+2028
 *       and U+2029 escaped, everything else as UTF-8;
 *   <li>its SHA-256 in lower-case hex, cut to 10 characters;
 *   <li>{@code 0}, {@code 1}, {@code 3}, {@code a} and {@code e} replaced by {@code g}, {@code h},
 *       {@code k}, {@code m} and {@code t}, so the suffix can never read as a number.
 * </ol>
 *
 * The data is one named template, included both as the ConfigMap's {@code data} and, parsed back
 * with {@code fromYaml}, as the hash's input: the two cannot differ. A value from a values file or
 * {@code --set} thus renames the ConfigMap and every reference to it, and the pods roll, exactly
 * as a Kustomize overlay that changes the value does. Files are shipped in the chart under {@code
 * files/} and read with {@code .Files.Get}, so their text is never parsed as a template.
 */
final class ConfigMapTemplate {
  private static final String END = "{{- end }}";

  private final Application app;
  private final TemplateNames names;
  private final GeneratedHeader header;
  private final ProjectFiles projectFiles;

  ConfigMapTemplate(Application app, TemplateNames names, GeneratedHeader header, ProjectFiles projectFiles) {
    this.app = app;
    this.names = names;
    this.header = header;
    this.projectFiles = projectFiles;
  }

  /** The template and the files it reads, by path in the chart. */
  SortedMap<String, String> render(Configuration configuration) {
    SortedMap<String, String> files = new TreeMap<>();
    YamlMap.Builder data = YamlMap.builder();
    YamlMap.Builder binaryData = YamlMap.builder();
    configuration.entries().forEach((key, entry) -> entry.match(
        value -> data.put(key, text(value)),
        source -> {
          if (projectFiles.readable(source) instanceof ProjectFiles.Content.Binary binary) {
            // Base64 is plain text with no template syntax; it stays in the template, as in the overlay's patch.
            return binaryData.put(key, binary.base64());
          }
          String file = "files/" + configuration.name() + "/" + key;
          files.put(file, ((ProjectFiles.Content.Text) projectFiles.readable(source)).text());
          return data.put(key, YamlScalar.raw("{{ .Files.Get " + HelmExpressions.goString(file) + " | quote }}"));
        }));
    List<YamlDocument> definitions = new ArrayList<>();
    Manifest manifest = ManifestFactory.configMap(app, configuration);
    List<YamlMap.Entry> entries = new ArrayList<>(((YamlMap) new HelmManifestTemplate(names).render(manifest).root()).entries());
    List<String> hashed = new ArrayList<>();
    for (Field field : Field.values()) {
      YamlMap map = (field == Field.DATA ? data : binaryData).build();
      if (map.entries().isEmpty()) {
        // Kustomize hashes missing data as "" and leaves missing binaryData out.
        hashed.addAll(field == Field.DATA ? List.of("\"" + field.key + "\"", "\"\"") : List.of());
        continue;
      }
      String template = names.configMap(configuration, field.key);
      definitions.add(YamlDocument.of(map).guardedBy("{{- define " + HelmExpressions.goString(template) + " -}}", END));
      entries.add(new YamlMap.Field(field.key, new YamlRawBlock(
          indent -> "{{- " + names.include(template) + " | nindent " + indent + " }}")));
      hashed.addAll(List.of("\"" + field.key + "\"", "(" + names.include(template) + " | fromYaml)"));
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < definitions.size(); i++) {
      text.append(YamlWriter.write(i == 0 ? definitions.get(i).withHeader(header.template()) : definitions.get(i)));
    }
    files.put(
        "templates/" + manifest.fileStem() + ".yaml",
        text + nameTemplate(configuration, String.join(" ", hashed)) + YamlWriter.write(YamlDocument.of(new YamlMap(entries))));
    return files;
  }

  /** The ConfigMap's two content fields, each from its own named template. */
  private enum Field {
    BINARY_DATA("binaryData"),
    DATA("data");

    final String key;

    Field(String key) {
      this.key = key;
    }
  }

  private static YamlNode text(Value<String> value) {
    return value instanceof Value.Fixed<String> fixed
        ? HelmExpressions.text(fixed.value())
        : YamlScalar.raw(HelmExpressions.action(value));
  }

  /** {@code hashed}: the content fields' keys and values as {@code dict} arguments. */
  private String nameTemplate(Configuration configuration, String hashed) {
    String suffix = ConfigMapNames.baseName(app, configuration).substring(app.name().length());
    return """
        {{- define %s -}}
        {{- $name := printf "%%s%s" (%s) -}}
        {{- $content := dict %s "kind" "ConfigMap" "name" "" -}}
        {{- $hash := toJson $content | sha256sum | trunc 10 -}}
        {{- printf "%%s-%%s" $name ($hash | replace "0" "g" | replace "1" "h" | replace "3" "k" | replace "a" "m" | replace "e" "t") -}}
        {{- end }}
        """
        .formatted(
            HelmExpressions.goString(names.configMapName(configuration)),
            suffix,
            names.include(names.fullname()),
            hashed);
  }
}
