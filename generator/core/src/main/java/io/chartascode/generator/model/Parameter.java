package io.chartascode.generator.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A named, typed, documented value that a user may set per environment or at {@code helm install}.
 *
 * <p>The name is a dotted path into the Helm values tree ({@code autoscaling.minReplicas}); every
 * segment is camelCase, as Helm's conventions ask. The type parameter makes the Java side safe:
 * a {@code Parameter<Integer>} can only be bound where an integer belongs, and an environment can
 * only override it with an integer.
 *
 * <pre>{@code
 * Parameter<Integer> MIN = Parameter.integer("autoscaling.minReplicas", 3)
 *     .description("Lower bound for the HorizontalPodAutoscaler.")
 *     .minimum(1)
 *     .build();
 * }</pre>
 */
public final class Parameter<T> {
  private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*");

  private final String name;
  private final ParameterType type;
  private final T defaultValue;
  private final String description;
  private final Optional<Pattern> pattern;
  private final List<String> allowedValues;
  private final List<String> forbiddenValues;
  private final Optional<Integer> minimum;
  private final Optional<Integer> maximum;

  private Parameter(Builder<T> builder) {
    this.name = builder.name;
    this.type = builder.type;
    this.defaultValue = builder.defaultValue;
    this.description = builder.description;
    this.pattern = Optional.ofNullable(builder.pattern).map(Pattern::compile);
    this.allowedValues = List.copyOf(builder.allowedValues);
    this.forbiddenValues = List.copyOf(builder.forbiddenValues);
    this.minimum = Optional.ofNullable(builder.minimum);
    this.maximum = Optional.ofNullable(builder.maximum);
  }

  public static Builder<String> string(String name, String defaultValue) {
    return new Builder<>(name, ParameterType.STRING, defaultValue);
  }

  public static Builder<Boolean> bool(String name, boolean defaultValue) {
    return new Builder<>(name, ParameterType.BOOLEAN, defaultValue);
  }

  public static Builder<Integer> integer(String name, int defaultValue) {
    return new Builder<>(name, ParameterType.INTEGER, defaultValue);
  }

  public static Builder<String> cpu(String name, String defaultValue) {
    return new Builder<>(name, ParameterType.CPU_QUANTITY, defaultValue).pattern(Quantities.CPU);
  }

  public static Builder<String> memory(String name, String defaultValue) {
    return new Builder<>(name, ParameterType.MEMORY_QUANTITY, defaultValue)
        .pattern(Quantities.MEMORY);
  }

  /** A map of strings; {@code keyPattern} constrains the keys (e.g. environment variable names). */
  public static Builder<SortedMap<String, String>> stringMap(
      String name, SortedMap<String, String> defaultValue) {
    return new Builder<SortedMap<String, String>>(
        name, ParameterType.STRING_MAP, Collections.unmodifiableSortedMap(new TreeMap<>(defaultValue)));
  }

  /** The dotted path in the values tree, e.g. {@code autoscaling.maxReplicas}. */
  public String name() {
    return name;
  }

  /** The path segments of {@link #name()}. */
  public List<String> path() {
    return List.of(name.split("\\."));
  }

  public ParameterType type() {
    return type;
  }

  public T defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /**
   * The regular expression every string value (for maps: every key) must match in full.
   * Default: none.
   */
  public Optional<Pattern> pattern() {
    return pattern;
  }

  /** The only values allowed, if not empty. Default: empty (any value of the type). */
  public List<String> allowedValues() {
    return allowedValues;
  }

  /** Values refused even though they match the pattern, e.g. the tag {@code latest}. Default: none. */
  public List<String> forbiddenValues() {
    return forbiddenValues;
  }

  /** Inclusive lower bound for integers. Default: none. */
  public Optional<Integer> minimum() {
    return minimum;
  }

  /** Inclusive upper bound for integers. Default: none. */
  public Optional<Integer> maximum() {
    return maximum;
  }

  /** Casts a value already checked with {@link ParameterType#accepts}. */
  @SuppressWarnings("unchecked")
  T cast(Object value) {
    return (T) value;
  }

  /**
   * Every way {@code value} breaks this parameter's type and constraints, as human sentences
   * ("must match ^[a-z]+$"); empty when it is valid.
   */
  public List<String> violations(Object value) {
    List<String> problems = new ArrayList<>();
    if (value == null || !type.accepts(value)) {
      problems.add(
          "must be a "
              + type.displayName()
              + " but is "
              + (value == null ? "null" : value.getClass().getSimpleName()));
      return problems;
    }
    if (value instanceof String s) {
      carriedByHelm3(s).ifPresent(problems::add);
      pattern
          .filter(p -> !p.matcher(s).matches())
          .ifPresent(p -> problems.add("must match " + p.pattern()));
      if (!allowedValues.isEmpty() && !allowedValues.contains(s)) {
        problems.add("must be one of " + allowedValues);
      }
      if (forbiddenValues.contains(s)) {
        problems.add("must not be one of " + forbiddenValues);
      }
    }
    if (value instanceof Integer i) {
      minimum.filter(min -> i < min).ifPresent(min -> problems.add("must be >= " + min));
      maximum.filter(max -> i > max).ifPresent(max -> problems.add("must be <= " + max));
    }
    if (value instanceof SortedMap<?, ?> map) {
      map.forEach((k, v) -> {
        carriedByHelm3((String) k).ifPresent(problem -> problems.add("key '" + k + "' " + problem));
        if (v instanceof String text) {
          carriedByHelm3(text).ifPresent(problem -> problems.add("value of '" + k + "' " + problem));
        }
      });
      pattern.ifPresent(
          p ->
              map.keySet().stream()
                  .map(String.class::cast)
                  .filter(k -> !p.matcher(k).matches())
                  .forEach(k -> problems.add("key '" + k + "' must match " + p.pattern())));
    }
    return problems;
  }

  /**
   * Why Helm 3 cannot take {@code text} as a value, if it cannot. Helm 3 (3.17 here) checks values
   * against values.schema.json by writing them as YAML and reading that back; its YAML writer puts
   * DEL, the C1 controls but NEL, U+FFFE and U+FFFF into the text as they are, and its reader then
   * refuses them ("control characters are not allowed"). Helm 4 takes them. A lone surrogate is not
   * text at all. Other controls are written escaped and pass.
   */
  private static Optional<String> carriedByHelm3(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean refused = cp == 0x7F || (cp >= 0x80 && cp <= 0x9F && cp != 0x85) || cp == 0xFFFE || cp == 0xFFFF
          || Character.getType(cp) == Character.SURROGATE;
      if (refused) {
        return Optional.of(String.format(Locale.ROOT,
            "contains U+%04X, which Helm 3 cannot read back from a values file (a control character, a"
                + " non-character or a lone surrogate); remove it", cp));
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parameter<?> other && name.equals(other.name) && type == other.type;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type);
  }

  @Override
  public String toString() {
    return name;
  }

  /** Builds a {@link Parameter}; only the description is required besides name and default. */
  public static final class Builder<T> {
    private final String name;
    private final ParameterType type;
    private final T defaultValue;
    private String description = "";
    private String pattern;
    private final List<String> allowedValues = new ArrayList<>();
    private final List<String> forbiddenValues = new ArrayList<>();
    private Integer minimum;
    private Integer maximum;

    private Builder(String name, ParameterType type, T defaultValue) {
      if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
        throw new IllegalArgumentException(
            "parameter name '" + name + "' must be dotted camelCase, e.g. autoscaling.minReplicas");
      }
      this.name = name;
      this.type = type;
      this.defaultValue = Objects.requireNonNull(defaultValue, () -> name + ": default value");
    }

    public Builder<T> description(String description) {
      this.description = Objects.requireNonNull(description);
      return this;
    }

    public Builder<T> pattern(String regex) {
      this.pattern = Pattern.compile(regex).pattern();
      return this;
    }

    public Builder<T> allowedValues(String... values) {
      this.allowedValues.addAll(List.of(values));
      return this;
    }

    public Builder<T> forbiddenValues(String... values) {
      this.forbiddenValues.addAll(List.of(values));
      return this;
    }

    public Builder<T> minimum(int minimum) {
      this.minimum = minimum;
      return this;
    }

    public Builder<T> maximum(int maximum) {
      this.maximum = maximum;
      return this;
    }

    public Parameter<T> build() {
      return new Parameter<>(this);
    }
  }
}
