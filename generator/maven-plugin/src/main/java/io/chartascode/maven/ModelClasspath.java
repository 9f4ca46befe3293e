package io.chartascode.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The project's compile classpath, which the model is compiled against and loaded with: each entry
 * and, for an artifact, its coordinates ({@code groupId:artifactId:baseVersion}; a reactor module's
 * classes directory has its module's). The project's own output directory is not in it: the
 * compiled model takes its place.
 */
record ModelClasspath(List<Entry> entries) {
  /** One entry: {@code coordinates} is {@code groupId:artifactId:baseVersion}. */
  record Entry(String coordinates, Path path) {}

  ModelClasspath {
    entries = List.copyOf(entries);
  }

  /** The entries' paths, in classpath order. */
  List<Path> paths() {
    List<Path> paths = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      paths.add(entry.path());
    }
    return paths;
  }

  /** The base version of {@code groupId:artifactId} on the classpath, if it is there. */
  Optional<String> versionOf(String groupId, String artifactId) {
    String prefix = groupId + ":" + artifactId + ":";
    for (Entry entry : entries) {
      if (entry.coordinates().startsWith(prefix)) {
        return Optional.of(entry.coordinates().substring(prefix.length()));
      }
    }
    return Optional.empty();
  }
}
