package io.chartascode.generator.internal.yaml;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One YAML file: leading lines (comments, written verbatim), then a root node, optionally wrapped
 * in a template guard such as {@code {{- if .Values.autoscaling.enabled }}}.
 */
public record YamlDocument(List<String> headerLines, Optional<Guard> guard, YamlNode root) {

  /** The template lines around the whole document. */
  public record Guard(String open, String close) {}

  public YamlDocument {
    headerLines = List.copyOf(headerLines);
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(root, "root");
  }

  public static YamlDocument of(YamlNode root) {
    return new YamlDocument(List.of(), Optional.empty(), root);
  }

  /** Adds a leading line that must be a comment in the file's syntax ({@code # ...}). */
  public YamlDocument withHeader(String line) {
    if (!line.startsWith("#") && !line.startsWith("{{/*") && !line.startsWith("{{- /*")) {
      throw new IllegalArgumentException("a header line must be a comment: " + line);
    }
    return new YamlDocument(List.of(line), guard, root);
  }

  public YamlDocument guardedBy(String open, String close) {
    return new YamlDocument(headerLines, Optional.of(new Guard(open, close)), root);
  }
}
