package io.chartascode.generator.model;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Builds one Kubernetes object with fabric8's builders: any kind, {@code GenericKubernetesResource}
 * included for custom resources such as a ServiceMonitor. The varying fields come from the
 * {@link Bindings}; everything else is fixed.
 *
 * <p>It is called for every build (the chart's, the base's, each environment's), and for several
 * applications at once on different threads: return a new object each time, and share no mutable
 * state between calls (CAC-OBJ-001 refuses a template that returns the same object, or the same
 * metadata, twice).
 */
@FunctionalInterface
public interface ObjectTemplate {
  HasMetadata build(Bindings bindings);
}
