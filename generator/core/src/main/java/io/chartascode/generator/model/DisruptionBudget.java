package io.chartascode.generator.model;

import java.util.Objects;

/**
 * The application's PodDisruptionBudget (policy/v1): how many of its pods a voluntary disruption
 * (a node drain, a cluster upgrade) may take down at once. Every application whose lowest replica
 * count, by default and in every environment, is at least 2 gets one, {@link #DEFAULT} unless
 * set; {@code optOut(NO_DISRUPTION_BUDGET, reason)} leaves it out.
 *
 * @param limit whether {@code count} is {@code maxUnavailable} or {@code minAvailable}
 * @param count how many pods
 */
public record DisruptionBudget(Limit limit, Value<Integer> count) {
  /** {@code maxUnavailable: 1}: drains go one pod at a time and are never blocked. */
  public static final DisruptionBudget DEFAULT = maxUnavailable(1);

  /** Which field of the PodDisruptionBudget the count sets. */
  public enum Limit {
    MAX_UNAVAILABLE,
    MIN_AVAILABLE
  }

  public DisruptionBudget {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(count, "count");
  }

  public static DisruptionBudget maxUnavailable(int count) {
    return maxUnavailable(Value.fixed(count));
  }

  public static DisruptionBudget maxUnavailable(Value<Integer> count) {
    return new DisruptionBudget(Limit.MAX_UNAVAILABLE, count);
  }

  public static DisruptionBudget minAvailable(int count) {
    return minAvailable(Value.fixed(count));
  }

  public static DisruptionBudget minAvailable(Value<Integer> count) {
    return new DisruptionBudget(Limit.MIN_AVAILABLE, count);
  }
}
