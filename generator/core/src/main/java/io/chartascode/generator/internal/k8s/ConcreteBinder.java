package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterValues;
import io.chartascode.generator.model.Value;
import java.util.Map;
import java.util.function.Function;
import java.util.SortedMap;

/**
 * Real values for one set of parameter values. Labels and namespace are left to Kustomize's own
 * {@code labels} and {@code namespace} transformers, so the base files carry neither.
 */
public final class ConcreteBinder implements Binder {
  private final Application app;
  private final ParameterValues values;
  private final Function<Configuration, String> configMapNames;

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
    return value.evaluate(values);
  }

  @Override
  public <T> T valueUnless(Value<Boolean> unless, Value<T> value) {
    return unless.evaluate(values) ? null : value.evaluate(values);
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
    return Labels.extra(app, set).map(values::get).filter(extra -> !extra.isEmpty()).orElse(null);
  }

  @Override
  public Map<String, String> selectorLabels() {
    return Labels.selector(app);
  }

  @Override
  public SortedMap<String, String> entries(Parameter<SortedMap<String, String>> parameter) {
    return values.get(parameter);
  }

  @Override
  public SortedMap<String, String> map(Parameter<SortedMap<String, String>> parameter) {
    SortedMap<String, String> map = values.get(parameter);
    return map.isEmpty() ? null : map;
  }
}
