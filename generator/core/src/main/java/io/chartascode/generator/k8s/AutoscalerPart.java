package io.chartascode.generator.k8s;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Autoscaling;
import io.chartascode.generator.model.Value;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import java.util.Optional;

/** The HorizontalPodAutoscaler (autoscaling/v2), rendered while autoscaling is enabled. */
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
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(Part.metadata(b))
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(b.name(""))
        .endScaleTargetRef()
        .withMinReplicas(b.value(autoscaling.minReplicas()))
        .withMaxReplicas(b.value(autoscaling.maxReplicas()))
        .withMetrics(
            new MetricSpecBuilder()
                .withType("Resource")
                .withNewResource()
                .withName("cpu")
                .withNewTarget()
                .withType("Utilization")
                .withAverageUtilization(b.value(autoscaling.targetCpuUtilizationPercentage()))
                .endTarget()
                .endResource()
                .build())
        .endSpec()
        .build();
  }
}
