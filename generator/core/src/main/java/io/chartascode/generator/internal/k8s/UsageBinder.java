package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterValues;
import io.chartascode.generator.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * Notes every parameter the builders read, so that "is it declared?" is answered from what the
 * objects actually use, not from a list of fields kept by hand. Parameters the application does
 * not declare are read at their own defaults, so a model with that mistake still builds and the
 * rule can report it.
 */
final class UsageBinder implements Binder {
  private final Application app;
  private final List<Parameter<?>> used = new ArrayList<>();

  UsageBinder(Application app) {
    this.app = app;
  }

  Stream<Parameter<?>> used() {
    return used.stream();
  }

  /**
   * Records the parameters, and returns a stand-in of the value's type rather than the value: the
   * defaults are not validated yet (that comes later), and a bad one, such as a quantity that does
   * not parse, must not stop the builders from showing what they read.
   */
  @Override
  @SuppressWarnings("unchecked")
  public <T> T value(Value<T> value) {
    value.parameters().forEach(used::add);
    T example = value.evaluate(value.parameters().allMatch(app.parameters()::contains)
        ? app.defaults()
        : ParameterValues.defaults(Stream.concat(app.parameters().stream(), value.parameters()).distinct().toList()));
    if (example instanceof String) {
      return (T) "1";
    }
    if (example instanceof Integer) {
      return (T) Integer.valueOf(1);
    }
    return example;
  }

  @Override
  public <T> T valueUnless(Value<Boolean> unless, Value<T> value) {
    value(unless);
    return value(value);
  }

  @Override
  public String name(String suffix) {
    return app.name() + suffix;
  }

  @Override
  public String configMapName(Configuration configuration) {
    return ConfigMapNames.baseName(app, configuration);
  }

  @Override
  public String namespace() {
    return null;
  }

  @Override
  public Map<String, String> labels(LabelSet set) {
    Labels.extra(app, set).ifPresent(used::add);
    return Labels.selector(app);
  }

  @Override
  public Map<String, String> selectorLabels() {
    return Labels.selector(app);
  }

  @Override
  public SortedMap<String, String> entries(Parameter<SortedMap<String, String>> parameter) {
    used.add(parameter);
    return parameter.defaultValue();
  }

  @Override
  public SortedMap<String, String> map(Parameter<SortedMap<String, String>> parameter) {
    used.add(parameter);
    return parameter.defaultValue();
  }
}
