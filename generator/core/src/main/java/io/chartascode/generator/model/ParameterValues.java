package io.chartascode.generator.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** One value for each parameter of an application: its defaults, or one environment's view. */
public final class ParameterValues {
  private final SortedMap<String, Object> byName;

  private ParameterValues(SortedMap<String, Object> byName) {
    this.byName = byName;
  }

  /** Every parameter at its default. */
  public static ParameterValues defaults(Collection<Parameter<?>> parameters) {
    SortedMap<String, Object> values = new TreeMap<>();
    parameters.forEach(p -> values.put(p.name(), p.defaultValue()));
    return new ParameterValues(values);
  }

  /**
   * These values with some replaced; the overrides must name known parameters. A map parameter is
   * merged key by key, the override winning, because that is what Helm does with a values file:
   * {@code env: {B: x}} in values-prod.yaml adds B to the default env, it does not replace it.
   */
  public ParameterValues with(Map<Parameter<?>, Object> overrides) {
    SortedMap<String, Object> values = new TreeMap<>(byName);
    overrides.forEach(
        (parameter, value) -> {
          if (!values.containsKey(parameter.name())) {
            throw new IllegalArgumentException("unknown parameter " + parameter.name());
          }
          Object current = values.get(parameter.name());
          if (current instanceof SortedMap<?, ?> base && value instanceof Map<?, ?> override) {
            SortedMap<Object, Object> merged = new TreeMap<>();
            merged.putAll(base);
            merged.putAll(override);
            values.put(parameter.name(), Collections.unmodifiableSortedMap(merged));
          } else {
            values.put(parameter.name(), value);
          }
        });
    return new ParameterValues(values);
  }

  public <T> T get(Parameter<T> parameter) {
    Object value = byName.get(parameter.name());
    if (value == null) {
      throw new IllegalArgumentException(
          "parameter '" + parameter.name() + "' is not declared by the application");
    }
    return parameter.cast(value);
  }
}
