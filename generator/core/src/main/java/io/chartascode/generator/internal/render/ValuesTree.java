package io.chartascode.generator.internal.render;

import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.internal.yaml.YamlMap;
import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.internal.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Parameters as a nested values tree: {@code autoscaling.minReplicas} becomes
 * {@code autoscaling: {minReplicas: ...}}. Groups appear where their first parameter does.
 */
public final class ValuesTree {
  private ValuesTree() {}

  /**
   * The tree of {@code parameters} with the value each one gets from {@code valueOf}, and, when
   * {@code documented}, its description as a comment above it.
   */
  public static YamlMap of(
      List<Parameter<?>> parameters, Function<Parameter<?>, Object> valueOf, boolean documented) {
    Group root = new Group();
    for (Parameter<?> p : parameters) {
      Group group = root;
      List<String> path = p.path();
      for (String segment : path.subList(0, path.size() - 1)) {
        group = (Group) group.children.computeIfAbsent(segment, k -> new Group());
      }
      group.children.put(path.get(path.size() - 1), p);
    }
    return root.toYaml(valueOf, documented);
  }

  /** A Java value of a parameter as a YAML node of the same type. */
  public static YamlNode node(Object value) {
    if (value instanceof String s) {
      return YamlScalar.string(s);
    }
    if (value instanceof Boolean b) {
      return YamlScalar.bool(b);
    }
    if (value instanceof Integer i) {
      return YamlScalar.integer(i);
    }
    if (value instanceof SortedMap<?, ?> map) {
      YamlMap.Builder yaml = YamlMap.builder();
      map.forEach((k, v) -> yaml.put((String) k, node(v)));
      return yaml.build();
    }
    throw new IllegalArgumentException("no YAML form for " + value);
  }

  private static final class Group {
    final Map<String, Object> children = new LinkedHashMap<>();

    YamlMap toYaml(Function<Parameter<?>, Object> valueOf, boolean documented) {
      YamlMap.Builder map = YamlMap.builder();
      for (Map.Entry<String, Object> child : children.entrySet()) {
        if (child.getValue() instanceof Group group) {
          YamlMap nested = group.toYaml(valueOf, documented);
          if (!nested.entries().isEmpty()) {
            map.put(child.getKey(), nested);
          }
        } else {
          Parameter<?> p = (Parameter<?>) child.getValue();
          Object value = valueOf.apply(p);
          if (value == null) {
            continue;
          }
          if (documented && !p.description().isEmpty()) {
            map.comment("-- " + p.description());
          }
          map.put(child.getKey(), node(value));
        }
      }
      return map.build();
    }
  }
}
