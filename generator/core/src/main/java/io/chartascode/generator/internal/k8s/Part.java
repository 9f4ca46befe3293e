package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Value;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
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

  /** Name, namespace and labels, as every object of the application has them. */
  static ObjectMeta metadata(Binder b) {
    return new ObjectMetaBuilder()
        .withName(b.name(""))
        .withNamespace(b.namespace())
        .withLabels(b.labels(LabelSet.OBJECT))
        .build();
  }
}
