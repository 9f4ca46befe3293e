package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.internal.yaml.NodePath;
import io.chartascode.generator.internal.yaml.YamlMap;
import io.chartascode.generator.internal.yaml.YamlNode;
import io.chartascode.generator.internal.yaml.YamlScalar;
import io.chartascode.generator.internal.yaml.YamlSeq;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterValues;
import io.chartascode.generator.model.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Hands out a unique placeholder for every varying field, then finds where each one landed in the
 * built object and records a {@link Slot} there. The location is thus read off the object itself:
 * the builder call that sets a field is the only place that names it.
 *
 * <p>Placeholders have the field's type, so fabric8 puts them where it puts real values, in its
 * own property order: text is {@code ⟦slot:N⟧}, which no real value contains, and an integer is
 * {@code Integer.MIN_VALUE + N}, which no count, port or percentage is. A label map is a map with
 * one placeholder key; map entries are one entry whose name is a placeholder. Every placeholder
 * must be found exactly once, as a whole value: one that was dropped, copied or embedded in other
 * text fails the build here, rather than templating the wrong field.
 */
public final class TemplateBinder implements Binder {
  private static final String OPEN = "⟦slot:";
  private static final String CLOSE = "⟧";

  private final Application app;
  private final ParameterValues defaults;
  private final List<Pending> pending = new ArrayList<>();
  private final Set<Parameter<?>> read = new LinkedHashSet<>();

  /** A placeholder handed out, and the slot it becomes once found at a path. */
  private record Pending(Object placeholder, Function<NodePath, Slot> slot) {}

  public TemplateBinder(Application app) {
    this.app = app;
    this.defaults = app.defaults();
  }

  @Override
  public <T> T value(Value<T> value) {
    if (value instanceof Value.Fixed) {
      return value.evaluate(defaults);
    }
    value.parameters().forEach(read::add);
    return placeholder(value.evaluate(defaults), path -> new Slot.Bound(path, value));
  }

  @Override
  public <T> T valueUnless(Value<Boolean> unless, Value<T> value) {
    unless.parameters().forEach(read::add);
    value.parameters().forEach(read::add);
    return placeholder(value.evaluate(defaults), path -> new Slot.Omitted(path, unless, value));
  }

  /** Every parameter the object built with this binder reads, in the order first read. */
  Set<Parameter<?>> read() {
    return Collections.unmodifiableSet(read);
  }

  @Override
  public String name(String suffix) {
    return placeholder(app.name() + suffix, path -> new Slot.Name(path, suffix));
  }

  @Override
  public String configMapName(Configuration configuration) {
    return placeholder(ConfigMapNames.baseName(app, configuration), path -> new Slot.ConfigMapName(path, configuration));
  }

  @Override
  public String namespace() {
    return placeholder("namespace", Slot.Namespace::new);
  }

  @Override
  public Map<String, String> labels(LabelSet set) {
    // The key is found at <labels path>.<key>; the slot is the map.
    Labels.extra(app, set).ifPresent(read::add);
    return Map.of(placeholder("label", path -> new Slot.Labels(path.parent(), set, Labels.extra(app, set))), "");
  }

  @Override
  public Map<String, String> selectorLabels() {
    return labels(LabelSet.SELECTOR);
  }

  @Override
  public SortedMap<String, String> entries(Parameter<SortedMap<String, String>> parameter) {
    // One entry, whose name is found at <sequence>[k].name: the map's entries follow the k before it.
    read.add(parameter);
    SortedMap<String, String> placeholder = new TreeMap<>();
    placeholder.put(
        placeholder("entry", path -> new Slot.MapEntries(path.parent().parent(), parameter, (Integer) path.parent().last())),
        "");
    return placeholder;
  }

  @Override
  public SortedMap<String, String> map(Parameter<SortedMap<String, String>> parameter) {
    // One placeholder key, found at <map path>.<key>; the slot is the map's field.
    read.add(parameter);
    SortedMap<String, String> placeholder = new TreeMap<>();
    placeholder.put(placeholder("map", path -> new Slot.WholeMap(path.parent(), parameter)), "");
    return placeholder;
  }

  /**
   * The slots of {@code tree}, the object built with this binder as {@link ManifestTrees#toYaml}
   * gives it, in the order the builder met them.
   */
  public List<Slot> locate(YamlNode tree) {
    Map<Object, NodePath> found = new HashMap<>();
    walk(tree, NodePath.root(), found);
    List<Slot> slots = new ArrayList<>();
    for (Pending p : pending) {
      NodePath path = found.get(p.placeholder());
      if (path == null) {
        throw new IllegalStateException(
            "a bound value never reached the built object (placeholder " + p.placeholder() + "); bind it where it is set");
      }
      slots.add(p.slot().apply(path));
    }
    return slots;
  }

  @SuppressWarnings("unchecked")
  private <T> T placeholder(T example, Function<NodePath, Slot> slot) {
    Object placeholder;
    if (example instanceof String) {
      placeholder = OPEN + pending.size() + CLOSE;
    } else if (example instanceof Integer) {
      placeholder = Integer.MIN_VALUE + pending.size();
    } else {
      throw new IllegalStateException(
          "a " + example.getClass().getSimpleName() + " field cannot vary in a template; only text and integers do");
    }
    pending.add(new Pending(placeholder, slot));
    return (T) placeholder;
  }

  private void walk(YamlNode node, NodePath at, Map<Object, NodePath> found) {
    if (node instanceof YamlMap map) {
      for (YamlMap.Entry entry : map.entries()) {
        YamlMap.Field field = (YamlMap.Field) entry; // a built object's tree has fields only
        NodePath child = at.key(field.key());
        if (field.key().startsWith(OPEN)) {
          record(field.key(), child, found);
        }
        walk(field.value(), child, found);
      }
    } else if (node instanceof YamlSeq seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        walk(((YamlSeq.Element) seq.items().get(i)).node(), at.index(i), found);
      }
    } else if (node instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.STRING
        && scalar.text().contains(OPEN)) {
      String text = scalar.text();
      if (!text.startsWith(OPEN) || !text.endsWith(CLOSE) || text.indexOf(OPEN, 1) >= 0) {
        throw new IllegalStateException(
            "a bound value is part of other text at " + at + " (" + text + "); bind the whole field");
      }
      record(text, at, found);
    } else if (node instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.INTEGER) {
      long value = Long.parseLong(scalar.text());
      if (value >= Integer.MIN_VALUE && value - Integer.MIN_VALUE < pending.size()) {
        record((int) value, at, found);
      }
    }
  }

  private static void record(Object placeholder, NodePath at, Map<Object, NodePath> found) {
    NodePath earlier = found.put(placeholder, at);
    if (earlier != null) {
      throw new IllegalStateException(
          "one bound value landed twice, at " + earlier + " and " + at + "; bind each field on its own");
    }
  }
}
