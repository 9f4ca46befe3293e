package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.internal.ProjectFiles;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.ParameterValues;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A configuration's ConfigMap content for one set of values: text in {@code data}, files that are
 * not UTF-8 in {@code binaryData} (base64), as Kustomize splits them.
 */
public record ConfigMapContent(SortedMap<String, String> data, SortedMap<String, String> binaryData) {
  public ConfigMapContent {
    data = Collections.unmodifiableSortedMap(new TreeMap<>(data));
    binaryData = Collections.unmodifiableSortedMap(new TreeMap<>(binaryData));
  }

  public static ConfigMapContent of(Configuration configuration, ParameterValues values, ProjectFiles files) {
    SortedMap<String, String> data = new TreeMap<>();
    SortedMap<String, String> binaryData = new TreeMap<>();
    configuration.entries().forEach((key, entry) -> entry.match(
        value -> data.put(key, value.evaluate(values)),
        source -> files.readable(source) instanceof ProjectFiles.Content.Binary binary
            ? binaryData.put(key, binary.base64())
            : data.put(key, ((ProjectFiles.Content.Text) files.readable(source)).text())));
    return new ConfigMapContent(data, binaryData);
  }

  /** Kustomize's name suffix for this content. */
  public String hashSuffix() {
    return ConfigMapHash.suffix(data, binaryData);
  }
}
