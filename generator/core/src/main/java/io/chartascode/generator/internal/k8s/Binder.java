package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Bindings;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Value;
import java.util.Map;
import java.util.SortedMap;

/**
 * Supplies the varying fields while {@link ManifestFactory} builds fabric8 objects. There is one
 * way to build the objects and two binders:
 *
 * <ul>
 *   <li>{@link ConcreteBinder} gives real values for one environment (the Kustomize side);
 *   <li>{@link TemplateBinder} gives a unique placeholder per field and afterwards finds where
 *       each one landed in the built object, as a {@link Slot} (the Helm side turns slots into
 *       template expressions).
 * </ul>
 *
 * Because both sides run the same builder code, a field cannot be templated in the chart and
 * forgotten in the overlays, or the other way round; and because a field's location is found in
 * the object that was built, it is written once, in the builder call, never again as a path.
 */
public interface Binder extends Bindings {
  @Override
  <T> T value(Value<T> value);

  /** The value, or null (field left out) while {@code unless} holds. */
  <T> T valueUnless(Value<Boolean> unless, Value<T> value);

  /** The name of an object of this application, plus a suffix such as {@code -test}. */
  @Override
  String name(String suffix);

  /**
   * The name of {@code configuration}'s ConfigMap where the pod reads it: {@code <app>-<name>} in
   * the Kustomize base, whose generator appends the content hash and rewrites the reference; the
   * chart's helper that appends the same hash on the Helm side.
   */
  String configMapName(Configuration configuration);

  /** The namespace, or null when the namespace is applied from outside. */
  String namespace();

  /** Labels, or null where Kustomize's {@code labels} transformer fills them in. */
  Map<String, String> labels(LabelSet set);

  @Override
  default Map<String, String> labels() {
    return labels(LabelSet.OBJECT);
  }

  /** Selector labels that must be written out literally, e.g. in an affinity term. */
  @Override
  Map<String, String> selectorLabels();

  /** The entries of a map parameter, to be appended to a sequence after the entries before them. */
  SortedMap<String, String> entries(Parameter<SortedMap<String, String>> parameter);

  /** A map parameter as a whole map field, such as annotations; null (no field) when it is empty. */
  SortedMap<String, String> map(Parameter<SortedMap<String, String>> parameter);
}
