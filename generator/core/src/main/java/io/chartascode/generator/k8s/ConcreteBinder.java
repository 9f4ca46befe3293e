package io.chartascode.generator.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterValues;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.yaml.NodePath;
import java.util.Map;
import java.util.SortedMap;

/**
 * Real values for one set of parameter values. Labels and namespace are left to Kustomize's own
 * {@code labels} and {@code namespace} transformers, so the base files carry neither.
 */
public final class ConcreteBinder implements Binder {
  private final Application app;
  private final ParameterValues values;

  public ConcreteBinder(Application app, ParameterValues values) {
    this.app = app;
    this.values = values;
  }

  @Override
  public <T> T value(NodePath at, Value<T> value) {
    return value.evaluate(values);
  }

  @Override
  public <T> T valueUnless(NodePath at, Value<Boolean> unless, Value<T> value) {
    return unless.evaluate(values) ? null : value.evaluate(values);
  }

  @Override
  public String name(NodePath at, String suffix) {
    return app.name() + suffix;
  }

  @Override
  public String namespace(NodePath at) {
    return null;
  }

  @Override
  public Map<String, String> labels(NodePath at, LabelSet set) {
    return null;
  }

  @Override
  public Map<String, String> selectorLabels(NodePath at) {
    return Labels.selector(app);
  }

  @Override
  public SortedMap<String, String> entries(
      NodePath at, Parameter<SortedMap<String, String>> parameter, int fixedEntries) {
    return values.get(parameter);
  }
}
