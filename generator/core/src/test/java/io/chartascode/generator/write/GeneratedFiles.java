package io.chartascode.generator.write;

import java.util.SortedMap;
import java.util.TreeMap;

/** Rendered output written inline in a test: path, content, path, content... */
final class GeneratedFiles {
  private GeneratedFiles() {}

  static SortedMap<String, String> of(String... pathsAndContents) {
    SortedMap<String, String> files = new TreeMap<>();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      files.put(pathsAndContents[i], pathsAndContents[i + 1]);
    }
    return files;
  }
}
