package io.chartascode.generator.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterValues;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.yaml.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Records a {@link Slot} for every varying field. It returns placeholder content of the right
 * shape (the defaults, the selector labels) so that each field exists in the built object at the
 * position fabric8's property order gives it; the Helm renderer then replaces it at that path.
 */
public final class TemplateBinder implements Binder {
  private final Application app;
  private final ParameterValues defaults;
  private final List<Slot> slots = new ArrayList<>();

  public TemplateBinder(Application app) {
    this.app = app;
    this.defaults = app.defaults();
  }

  /** The slots recorded so far, in the order the builder met them. */
  public List<Slot> slots() {
    return List.copyOf(slots);
  }

  @Override
  public <T> T value(NodePath at, Value<T> value) {
    if (!(value instanceof Value.Fixed)) {
      slots.add(new Slot.Bound(at, value));
    }
    return value.evaluate(defaults);
  }

  @Override
  public <T> T valueUnless(NodePath at, Value<Boolean> unless, Value<T> value) {
    slots.add(new Slot.Omitted(at, unless, value));
    return value.evaluate(defaults);
  }

  @Override
  public String name(NodePath at, String suffix) {
    slots.add(new Slot.Name(at, suffix));
    return app.name() + suffix;
  }

  @Override
  public String namespace(NodePath at) {
    slots.add(new Slot.Namespace(at));
    return "namespace";
  }

  @Override
  public Map<String, String> labels(NodePath at, LabelSet set) {
    slots.add(new Slot.Labels(at, set));
    return Labels.selector(app);
  }

  @Override
  public Map<String, String> selectorLabels(NodePath at) {
    return labels(at, LabelSet.SELECTOR);
  }

  @Override
  public SortedMap<String, String> entries(
      NodePath at, Parameter<SortedMap<String, String>> parameter, int fixedEntries) {
    slots.add(new Slot.MapEntries(at, parameter, fixedEntries));
    // With no fixed entries the field must still exist, at its place, for the slot to replace.
    SortedMap<String, String> placeholder = new TreeMap<>();
    if (fixedEntries == 0) {
      placeholder.put("PLACEHOLDER", "");
    }
    return placeholder;
  }
}
