package io.chartascode.generator.model;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Builds one Kubernetes object with fabric8's builders: any kind, {@code GenericKubernetesResource}
 * included for custom resources such as a ServiceMonitor. The varying fields come from the
 * {@link Bindings}; everything else is fixed.
 */
@FunctionalInterface
public interface ObjectTemplate {
  HasMetadata build(Bindings bindings);
}
