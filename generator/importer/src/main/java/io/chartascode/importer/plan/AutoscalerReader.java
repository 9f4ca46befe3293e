package io.chartascode.importer.plan;

import static io.chartascode.importer.plan.Shapes.present;
import static io.chartascode.importer.source.ModelSource.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.CodeBlock;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Autoscaling;
import io.chartascode.generator.model.ParameterType;
import io.chartascode.generator.model.Value;
import io.chartascode.importer.read.InputObject;
import io.chartascode.importer.source.Fabric8Source;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HorizontalPodAutoscaler that scales the Deployment, as the model's {@link Autoscaling}: the
 * switch, bounds and CPU target as parameters, then the memory target, the behaviour and the other
 * metrics where it has them. Matched by kind only, so an autoscaling/v1 object is read too.
 */
final class AutoscalerReader implements PartReader<AutoscalerReader.AutoscalingPlan> {
  /** The autoscaler: CPU target, and the memory target, behaviour and other metrics (pods, object, external). */
  record AutoscalingPlan(
      ValuePlan enabled,
      ParameterPlan minReplicas,
      ParameterPlan maxReplicas,
      ValuePlan targetCpu,
      Optional<ValuePlan> targetMemory,
      Optional<ObjectNode> behavior,
      List<ObjectNode> metrics) {
    AutoscalingPlan {
      metrics = List.copyOf(metrics);
    }
  }

  @Override
  public Class<? extends HasMetadata> type() {
    return HorizontalPodAutoscaler.class;
  }

  @Override
  public boolean belongs(InputObject autoscaler, Reading reading) {
    JsonNode target = autoscaler.tree().at("/spec/scaleTargetRef");
    return target.path("kind").asText().equals(reading.deployment().kind())
        && target.path("name").asText().equals(reading.deployment().name());
  }

  @Override
  public Optional<AutoscalingPlan> read(InputObject autoscaler, Reading reading) {
    JsonNode spec = autoscaler.tree().path("spec");
    int replicas = (Integer) reading.workload().replicas().defaultValue();
    int min = spec.path("minReplicas").asInt(1);
    int max = spec.path("maxReplicas").asInt(Math.max(min, replicas));
    int target = spec.path("targetCPUUtilizationPercentage").asInt(80); // autoscaling/v1
    Integer memory = null;
    List<ObjectNode> more = new ArrayList<>();
    for (JsonNode metric : spec.path("metrics")) {
      boolean utilization = metric.path("type").asText().equals("Resource")
          && metric.at("/resource/target/type").asText().equals("Utilization");
      String resource = metric.at("/resource/name").asText();
      if (utilization && resource.equals("cpu")) {
        target = metric.at("/resource/target/averageUtilization").asInt(target);
      } else if (utilization && resource.equals("memory")) {
        memory = metric.at("/resource/target/averageUtilization").asInt(80);
      } else {
        more.add(Fabric8Source.expressible(metric, MetricSpec.class));
      }
    }
    Names names = reading.names();
    ParameterPlan enabled = reading.declare(ParameterPlan.of(names.unique("AUTOSCALING_ENABLED"), ParameterType.BOOLEAN,
        names.unique("autoscaling.enabled"), true, "Whether a HorizontalPodAutoscaler manages the replicas."));
    ParameterPlan minReplicas = reading.integer("MIN_REPLICAS", "autoscaling.minReplicas", min,
        "Lower bound for the autoscaler; at most maxReplicas.", 1, null);
    ParameterPlan maxReplicas = reading.integer("MAX_REPLICAS", "autoscaling.maxReplicas", max,
        "Upper bound for the autoscaler.", 1, null);
    ParameterPlan targetCpu = reading.integer("TARGET_CPU", "autoscaling.targetCPUUtilizationPercentage", target,
        "Average CPU utilisation, in percent of the request, that the autoscaler aims for.", 1, 100);
    Optional<ValuePlan> targetMemory = Optional.ofNullable(memory).map(m -> ValuePlan.of(reading.integer(
        "TARGET_MEMORY", "autoscaling.targetMemoryUtilizationPercentage", m,
        "Average memory utilisation, in percent of the request, that the autoscaler aims for.", 1, 100)));
    Optional<ObjectNode> behavior = present(spec.path("behavior"))
        .map(node -> Fabric8Source.expressible(node, HorizontalPodAutoscalerBehavior.class));
    return Optional.of(new AutoscalingPlan(ValuePlan.of(enabled), minReplicas, maxReplicas, ValuePlan.of(targetCpu),
        targetMemory, behavior, more));
  }

  @Override
  public String notImported(InputObject autoscaler, InputObject deployment) {
    return "it does not scale " + deployment.id();
  }

  @Override
  public void build(AutoscalingPlan a, Application.Builder app, PlanInterpreter interpreter) {
    Autoscaling autoscaling =
        new Autoscaling(
            interpreter.value(a.enabled()),
            Value.of(interpreter.<Integer>parameter(a.minReplicas())),
            Value.of(interpreter.<Integer>parameter(a.maxReplicas())),
            interpreter.value(a.targetCpu()));
    if (a.targetMemory().isPresent()) {
      autoscaling = autoscaling.withMemoryTarget(interpreter.value(a.targetMemory().get()));
    }
    if (a.behavior().isPresent()) {
      autoscaling = autoscaling.withBehavior(PlanInterpreter.fabric8(a.behavior().get(), HorizontalPodAutoscalerBehavior.class));
    }
    for (ObjectNode metric : a.metrics()) {
      autoscaling = autoscaling.withMetric(PlanInterpreter.fabric8(metric, MetricSpec.class));
    }
    app.autoscaling(autoscaling);
    app.bound(interpreter.parameter(a.minReplicas()), interpreter.parameter(a.maxReplicas()));
  }

  @Override
  public CodeBlock source(AutoscalingPlan a) {
    CodeBlock.Builder code = CodeBlock.builder();
    code.add("\n.autoscaling(\n$>$>new $T(\n$>$>$L,\n$L,\n$L,\n$L)$<$<", Autoscaling.class,
        value(a.enabled()), value(ValuePlan.of(a.minReplicas())), value(ValuePlan.of(a.maxReplicas())),
        value(a.targetCpu()));
    a.targetMemory().ifPresent(m -> code.add("\n.withMemoryTarget($L)", value(m)));
    a.behavior().ifPresent(b -> code.add("\n.withBehavior(\n$>$>$L$<$<)",
        Fabric8Source.builder(b, HorizontalPodAutoscalerBehavior.class)));
    a.metrics().forEach(m -> code.add("\n.withMetric(\n$>$>$L$<$<)", Fabric8Source.builder(m, MetricSpec.class)));
    code.add("$<$<)");
    return code.add("\n.bound($N, $N)", a.minReplicas().constant(), a.maxReplicas().constant()).build();
  }
}
