package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.internal.yaml.NodePath;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Value;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A place in a built object whose content depends on parameters or on the release, recorded by
 * {@link TemplateBinder} while the object is built. The Helm renderer turns each slot into
 * template syntax; the Kustomize renderer never sees slots, because it renders concrete values.
 */
public sealed interface Slot {
  NodePath path();

  /** The field holds {@code value}. */
  record Bound(NodePath path, Value<?> value) implements Slot {}

  /** The field holds {@code value}, and is left out while {@code unless} is true. */
  record Omitted(NodePath path, Value<Boolean> unless, Value<?> value) implements Slot {}

  /** The object's name: the chart's fullname on the Helm side, the application name otherwise. */
  record Name(NodePath path, String suffix) implements Slot {}

  /** The name of a {@link Configuration}'s ConfigMap, hash suffix included. */
  record ConfigMapName(NodePath path, Configuration configuration) implements Slot {}

  /** The release namespace. */
  record Namespace(NodePath path) implements Slot {}

  /**
   * A label map: all labels of an object, the pod template's, or only the selector labels; with
   * the entries of the map parameter {@code extra}, if any, after them.
   */
  record Labels(NodePath path, LabelSet set, Optional<Parameter<SortedMap<String, String>>> extra) implements Slot {
    public Labels(NodePath path, LabelSet set) {
      this(path, set, Optional.empty());
    }
  }

  /**
   * The sequence gets one {@code {name, value}} entry per map entry, in key order, after
   * {@code fixedEntries} entries the model sets itself. With none of those the whole field exists
   * only while the map is not empty.
   */
  record MapEntries(NodePath path, Parameter<SortedMap<String, String>> parameter, int fixedEntries)
      implements Slot {}

  /** A whole map field from a map parameter, e.g. pod annotations; no field while the map is empty. */
  record WholeMap(NodePath path, Parameter<SortedMap<String, String>> parameter) implements Slot {}
}
