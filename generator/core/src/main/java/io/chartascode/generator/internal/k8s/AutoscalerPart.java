package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Autoscaling;
import io.chartascode.generator.model.Value;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The HorizontalPodAutoscaler (autoscaling/v2): CPU, optionally memory, and behaviour; rendered while enabled. */
final class AutoscalerPart implements Part {
  @Override
  public String stem() {
    return "hpa";
  }

  @Override
  public boolean appliesTo(Application app) {
    return app.autoscaling().isPresent();
  }

  @Override
  public Optional<Value<Boolean>> condition(Application app) {
    return app.autoscaling().map(Autoscaling::enabled);
  }

  @Override
  public HasMetadata build(Application app, Binder b) {
    Autoscaling autoscaling = app.autoscaling().orElseThrow();
    HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler();
    hpa.setMetadata(Part.metadata(b));
    HorizontalPodAutoscalerSpec spec = new HorizontalPodAutoscalerSpec();
    spec.setScaleTargetRef(new CrossVersionObjectReference("apps/v1", "Deployment", b.name("")));
    spec.setMinReplicas(b.value(autoscaling.minReplicas()));
    spec.setMaxReplicas(b.value(autoscaling.maxReplicas()));
    spec.setMetrics(metrics(b, autoscaling));
    spec.setBehavior(autoscaling.behavior().orElse(null));
    hpa.setSpec(spec);
    return hpa;
  }

  private static List<MetricSpec> metrics(Binder b, Autoscaling autoscaling) {
    List<MetricSpec> metrics = new ArrayList<>();
    metrics.add(utilization("cpu", b.value(autoscaling.targetCpuUtilizationPercentage())));
    autoscaling.targetMemoryUtilizationPercentage().ifPresent(memory -> metrics.add(utilization("memory", b.value(memory))));
    metrics.addAll(autoscaling.metrics());
    return metrics;
  }

  private static MetricSpec utilization(String resource, Integer percent) {
    return new MetricSpecBuilder()
        .withType("Resource")
        .withNewResource()
        .withName(resource)
        .withNewTarget()
        .withType("Utilization")
        .withAverageUtilization(percent)
        .endTarget()
        .endResource()
        .build();
  }
}
