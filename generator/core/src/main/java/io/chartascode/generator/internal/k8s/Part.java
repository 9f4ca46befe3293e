package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Value;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of object an application contributes. A part builds its object once, through a {@link
 * Binder}; the Helm template, values, schema, README rows, Kustomize base and overlays, and the
 * equivalence proof all follow from that one build. A new kind is a new part in {@link Parts}.
 */
interface Part {
  /** The object's file name without {@code .yaml}, in the chart and in the Kustomize base. */
  String stem();

  /** Whether the application has this object at all. */
  boolean appliesTo(Application app);

  /** When the object is rendered, if not always: a template condition, an overlay that drops it. */
  default Optional<Value<Boolean>> condition(Application app) {
    return Optional.empty();
  }

  /** The object, its varying fields read through the binder. */
  HasMetadata build(Application app, Binder b);

  /**
   * Name, namespace and labels, as every object of the application has them. Parts set built
   * pieces into their objects rather than handing them to a builder: fabric8's builders copy what
   * they are given, and copy again each time a nested builder closes.
   */
  static ObjectMeta metadata(Binder b) {
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(b.name(""));
    metadata.setNamespace(b.namespace());
    metadata.setLabels(b.labels(LabelSet.OBJECT));
    return metadata;
  }

  /** A selector by these labels. */
  static LabelSelector selector(Map<String, String> matchLabels) {
    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(matchLabels);
    return selector;
  }
}
