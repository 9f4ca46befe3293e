package io.chartascode.generator.model;

/**
 * A CPU-based autoscaling/v2 HorizontalPodAutoscaler. While it is enabled, the Deployment leaves
 * out {@code replicas}, so that a re-apply never fights the autoscaler (as {@code helm create}).
 */
public record Autoscaling(
    Value<Boolean> enabled,
    Value<Integer> minReplicas,
    Value<Integer> maxReplicas,
    Value<Integer> targetCpuUtilizationPercentage) {}
