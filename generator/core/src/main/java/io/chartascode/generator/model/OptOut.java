package io.chartascode.generator.model;

/**
 * A product guarantee that an application may explicitly give up, with a reason that is kept in
 * the model for review. Without one, validation refuses a model that breaks the guarantee.
 */
public enum OptOut {
  /** Allow an image tag of {@code latest} (or none), which makes rollouts unrepeatable. */
  LATEST_TAG,
  /** Allow the pod to run as root. */
  RUN_AS_ROOT,
  /** Allow a writable root filesystem. */
  WRITABLE_ROOT_FILESYSTEM,
  /** Allow Linux capabilities beyond none, or privilege escalation. */
  CAPABILITIES,
  /** No PodDisruptionBudget, although the application runs at least 2 replicas everywhere. */
  NO_DISRUPTION_BUDGET,
  /** No NetworkPolicy: every pod of the cluster may connect to the application's pods. */
  NO_NETWORK_POLICY
}
