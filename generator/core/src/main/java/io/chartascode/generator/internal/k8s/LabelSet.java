package io.chartascode.generator.internal.k8s;

/** Which of the {@code app.kubernetes.io/*} labels a label map holds. */
public enum LabelSet {
  /** Name and instance only: immutable selectors must never change across upgrades. */
  SELECTOR,
  /** Selector labels plus version: labels of the pod template. */
  POD,
  /** Everything, on object metadata; the Helm side adds its bookkeeping labels too. */
  OBJECT
}
