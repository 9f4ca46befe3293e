package io.chartascode.importer.read;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Kubernetes object read from the input, with where it came from.
 *
 * @param file the file as the user named it
 * @param kind the object's {@code kind}
 * @param name its {@code metadata.name}, or empty when it has none
 */
public record InputObject(String file, String kind, String name, ObjectNode tree, SourceLines lines) {

  /** {@code Deployment/web}. */
  public String id() {
    return name.isEmpty() ? kind : kind + "/" + name;
  }

  /** {@code chart.yaml:12}, where the object starts. */
  public String where() {
    return file + ":" + lines.documentLine();
  }

  /** {@code chart.yaml:40}, where the field at {@code pointer} (or its closest ancestor) is. */
  public String where(String pointer) {
    return file + ":" + lines.lineOf(pointer);
  }
}
