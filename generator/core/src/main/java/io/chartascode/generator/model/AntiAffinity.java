package io.chartascode.generator.model;

/**
 * A preferred (never required) pod anti-affinity against the application's own pods, so that more
 * pods than domains still schedule.
 *
 * @param topologyKey the node label whose domains the pods prefer to avoid sharing
 * @param weight 1–100, the preference's weight
 */
public record AntiAffinity(String topologyKey, int weight) {

  public static AntiAffinity preferDistinctNodes() {
    return new AntiAffinity(TopologySpread.HOSTNAME, 100);
  }
}
