package io.chartascode.generator.model;

import java.util.Map;
import java.util.SortedMap;

/**
 * The type of a {@link Parameter}: which Java values it holds, and how that type appears in
 * {@code values.schema.json}.
 *
 * <p>Types are closed on purpose: each renderer (Helm template, JSON Schema, Kustomize patch) must
 * know every type, so adding one is a deliberate change that the compiler walks you through.
 */
public enum ParameterType {
  /** A string. Rendered quoted in templates, so {@code "1.10"} never becomes the number 1.1. */
  STRING(String.class),
  /** A boolean. YAML 1.1 spellings such as an unquoted {@code yes} reach Helm as {@code true}. */
  BOOLEAN(Boolean.class),
  /** A whole number, rendered unquoted. */
  INTEGER(Integer.class),
  /** A Kubernetes CPU quantity such as {@code 100m} or {@code 2}, held as its canonical string. */
  CPU_QUANTITY(String.class),
  /** A Kubernetes memory quantity such as {@code 128Mi}, held as its canonical string. */
  MEMORY_QUANTITY(String.class),
  /** A map of string to string, e.g. extra environment variables; iterated in key order. */
  STRING_MAP(SortedMap.class);

  private final Class<?> javaType;

  ParameterType(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** Whether {@code value} is an instance of this type (for maps: every key and value is a string). */
  public boolean accepts(Object value) {
    if (!javaType.isInstance(value)) {
      return false;
    }
    if (this == STRING_MAP) {
      return ((Map<?, ?>) value)
          .entrySet().stream()
              .allMatch(e -> e.getKey() instanceof String && e.getValue() instanceof String);
    }
    return true;
  }

  /** Whether the values hold text, so templates must quote them. */
  public boolean isText() {
    return javaType == String.class;
  }

  public String displayName() {
    return switch (this) {
      case STRING -> "string";
      case BOOLEAN -> "boolean";
      case INTEGER -> "integer";
      case CPU_QUANTITY -> "cpu quantity";
      case MEMORY_QUANTITY -> "memory quantity";
      case STRING_MAP -> "map of string to string";
    };
  }
}
