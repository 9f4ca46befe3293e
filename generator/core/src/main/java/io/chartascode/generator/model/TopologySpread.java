package io.chartascode.generator.model;

/**
 * A topology spread constraint over the application's own pods (the selector is always the
 * application's selector labels).
 *
 * @param topologyKey the node label to spread over, e.g. {@code kubernetes.io/hostname}
 * @param maxSkew the largest allowed difference in pod count between two domains
 * @param whenUnsatisfiable {@code ScheduleAnyway} (a preference) or {@code DoNotSchedule} (a rule)
 */
public record TopologySpread(String topologyKey, int maxSkew, String whenUnsatisfiable) {
  public static final String HOSTNAME = "kubernetes.io/hostname";

  /** One pod per node where possible, but never blocking scheduling. */
  public static TopologySpread preferAcrossNodes() {
    return new TopologySpread(HOSTNAME, 1, "ScheduleAnyway");
  }
}
