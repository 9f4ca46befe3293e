package io.chartascode.generator.k8s;

import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.yaml.NodePath;
import java.util.Map;
import java.util.SortedMap;

/**
 * Supplies the varying fields while {@link ManifestFactory} builds fabric8 objects, and says at
 * which path each one lands. There is one way to build the objects and two binders:
 *
 * <ul>
 *   <li>{@link ConcreteBinder} gives real values for one environment (the Kustomize side);
 *   <li>{@link TemplateBinder} gives the defaults and records a {@link Slot} per field (the Helm
 *       side turns slots into template expressions).
 * </ul>
 *
 * Because both sides run the same builder code, a field cannot be templated in the chart and
 * forgotten in the overlays, or the other way round.
 */
public interface Binder {
  <T> T value(NodePath at, Value<T> value);

  /** The value, or null (field left out) while {@code unless} holds. */
  <T> T valueUnless(NodePath at, Value<Boolean> unless, Value<T> value);

  /** The name of an object of this application, plus a suffix such as {@code -test}. */
  String name(NodePath at, String suffix);

  /** The namespace, or null when the namespace is applied from outside. */
  String namespace(NodePath at);

  /** Labels, or null where Kustomize's {@code labels} transformer fills them in. */
  Map<String, String> labels(NodePath at, LabelSet set);

  /** Selector labels that must be written out literally, e.g. in an affinity term. */
  Map<String, String> selectorLabels(NodePath at);

  /** The entries of a map parameter, to be appended to a sequence after {@code fixedEntries}. */
  SortedMap<String, String> entries(
      NodePath at, Parameter<SortedMap<String, String>> parameter, int fixedEntries);
}
