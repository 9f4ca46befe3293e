package io.chartascode.generator.model;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An autoscaling/v2 HorizontalPodAutoscaler on CPU utilisation, and optionally memory utilisation,
 * with optional scaling behaviour (for example a scale-down stabilisation window). While it is
 * enabled, the Deployment leaves out {@code replicas}, so that a re-apply never fights the
 * autoscaler (as {@code helm create}).
 *
 * @param targetMemoryUtilizationPercentage average memory use, in percent of the request, to aim for
 * @param behavior how fast it scales up and down; Kubernetes' defaults when empty
 * @param metrics more metrics after CPU and memory: per pod ({@code Pods}, e.g. requests per second
 *     from a metrics adapter), of another object ({@code Object}) or from outside ({@code External})
 */
public record Autoscaling(
    Value<Boolean> enabled,
    Value<Integer> minReplicas,
    Value<Integer> maxReplicas,
    Value<Integer> targetCpuUtilizationPercentage,
    Optional<Value<Integer>> targetMemoryUtilizationPercentage,
    Optional<HorizontalPodAutoscalerBehavior> behavior,
    List<MetricSpec> metrics) {

  public Autoscaling {
    Objects.requireNonNull(enabled, "enabled");
    Objects.requireNonNull(minReplicas, "minReplicas");
    Objects.requireNonNull(maxReplicas, "maxReplicas");
    Objects.requireNonNull(targetCpuUtilizationPercentage, "targetCpuUtilizationPercentage");
    Objects.requireNonNull(targetMemoryUtilizationPercentage, "targetMemoryUtilizationPercentage");
    Objects.requireNonNull(behavior, "behavior");
    metrics = List.copyOf(metrics);
  }

  /** On CPU utilisation only, with Kubernetes' default behaviour. */
  public Autoscaling(
      Value<Boolean> enabled, Value<Integer> minReplicas, Value<Integer> maxReplicas, Value<Integer> targetCpuUtilizationPercentage) {
    this(enabled, minReplicas, maxReplicas, targetCpuUtilizationPercentage, Optional.empty(), Optional.empty(), List.of());
  }

  /** The same, also aiming at an average memory utilisation. */
  public Autoscaling withMemoryTarget(Value<Integer> percent) {
    return new Autoscaling(
        enabled, minReplicas, maxReplicas, targetCpuUtilizationPercentage, Optional.of(percent), behavior, metrics);
  }

  /** The same, scaling as {@code behavior} says (stabilisation windows, policies). */
  public Autoscaling withBehavior(HorizontalPodAutoscalerBehavior behavior) {
    return new Autoscaling(enabled, minReplicas, maxReplicas, targetCpuUtilizationPercentage,
        targetMemoryUtilizationPercentage, Optional.of(behavior), metrics);
  }

  /**
   * The same, also scaling on {@code metric}, e.g. {@code new MetricSpecBuilder().withType("Pods")
   * .withNewPods().withNewMetric().withName("http_requests_per_second").endMetric().withNewTarget()
   * .withType("AverageValue").withAverageValue(new Quantity("100")).endTarget().endPods().build()}.
   */
  public Autoscaling withMetric(MetricSpec metric) {
    List<MetricSpec> more = new ArrayList<>(metrics);
    more.add(Objects.requireNonNull(metric, "metric"));
    return new Autoscaling(enabled, minReplicas, maxReplicas, targetCpuUtilizationPercentage,
        targetMemoryUtilizationPercentage, behavior, more);
  }
}
