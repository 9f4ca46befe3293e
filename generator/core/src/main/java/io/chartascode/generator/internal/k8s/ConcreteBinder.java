package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterValues;
import io.chartascode.generator.model.Value;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Real values for one set of parameter values. Labels and namespace are left to Kustomize's own
 * {@code labels} and {@code namespace} transformers, so the base files carry neither.
 */
public final class ConcreteBinder implements Binder {
  private final Application app;
  private final ParameterValues values;
  private final Function<Configuration, String> configMapNames;
  private final Map<Parameter<?>, Object> read = new HashMap<>();

  /** As the Kustomize base writes them: a configuration's ConfigMap by its name before the hash. */
  public ConcreteBinder(Application app, ParameterValues values) {
    this(app, values, configuration -> ConfigMapNames.baseName(app, configuration));
  }

  /** With the names a configuration's ConfigMap has once deployed, hash included. */
  ConcreteBinder(Application app, ParameterValues values, Function<Configuration, String> configMapNames) {
    this.app = app;
    this.values = values;
    this.configMapNames = configMapNames;
  }

  @Override
  public <T> T value(Value<T> value) {
    value.parameters().forEach(this::read);
    return value.evaluate(values);
  }

  @Override
  public <T> T valueUnless(Value<Boolean> unless, Value<T> value) {
    return value(unless) ? null : value(value);
  }

  /**
   * Every parameter this binder has read, with its value: the object it built is the same for any
   * values that agree on these, because every varying field goes through a binder.
   */
  Map<Parameter<?>, Object> read() {
    return Collections.unmodifiableMap(read);
  }

  private void read(Parameter<?> parameter) {
    read.put(parameter, values.get(parameter));
  }

  @Override
  public String name(String suffix) {
    return app.name() + suffix;
  }

  @Override
  public String configMapName(Configuration configuration) {
    return configMapNames.apply(configuration);
  }

  @Override
  public String namespace() {
    return null;
  }

  @Override
  public Map<String, String> labels(LabelSet set) {
    // Kustomize's labels transformer adds the application's own; only the extra ones are written.
    Labels.extra(app, set).ifPresent(this::read);
    return Labels.extra(app, set).map(values::get).filter(extra -> !extra.isEmpty()).orElse(null);
  }

  @Override
  public Map<String, String> selectorLabels() {
    return Labels.selector(app);
  }

  @Override
  public SortedMap<String, String> entries(Parameter<SortedMap<String, String>> parameter) {
    read(parameter);
    return values.get(parameter);
  }

  @Override
  public SortedMap<String, String> map(Parameter<SortedMap<String, String>> parameter) {
    read(parameter);
    SortedMap<String, String> map = values.get(parameter);
    return map.isEmpty() ? null : map;
  }
}
