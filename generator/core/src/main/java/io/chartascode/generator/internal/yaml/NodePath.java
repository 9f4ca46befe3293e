package io.chartascode.generator.internal.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** A location in a tree: map keys and sequence indexes from the root, e.g. {@code /spec/ports/0}. */
public record NodePath(List<Object> segments) {

  public NodePath {
    segments = List.copyOf(segments);
  }

  public static NodePath root() {
    return new NodePath(List.of());
  }

  /** Parses {@code spec.template.spec.containers[0].image}. */
  public static NodePath of(String dotted) {
    NodePath path = root();
    for (String part : dotted.split("\\.")) {
      int bracket = part.indexOf('[');
      if (bracket < 0) {
        path = path.key(part);
      } else {
        path = path.key(part.substring(0, bracket));
        path = path.index(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
      }
    }
    return path;
  }

  public NodePath key(String key) {
    return append(key);
  }

  public NodePath index(int index) {
    return append(index);
  }

  private NodePath append(Object segment) {
    // One copy: List.copyOf keeps a list that List.of made as it is.
    Object[] next = segments.toArray(new Object[segments.size() + 1]);
    next[segments.size()] = segment;
    return new NodePath(List.of(next));
  }

  /** The path of the node that holds this one. */
  public NodePath parent() {
    if (segments.isEmpty()) {
      throw new IllegalStateException("the root has no parent");
    }
    return new NodePath(segments.subList(0, segments.size() - 1));
  }

  /** The last key or index. */
  public Object last() {
    return segments.get(segments.size() - 1);
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  public Object first() {
    return segments.get(0);
  }

  public NodePath rest() {
    return new NodePath(segments.subList(1, segments.size()));
  }

  /** The JSON Pointer form ({@code /spec/ports/0}), as kustomize's JSON 6902 patches use. */
  public String toPointer() {
    return segments.stream()
        .map(s -> "/" + s.toString().replace("~", "~0").replace("/", "~1"))
        .collect(Collectors.joining());
  }

  @Override
  public String toString() {
    return segments.isEmpty() ? "/" : toPointer();
  }
}
