package io.chartascode.importer.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartascode.generator.model.AntiAffinity;
import io.chartascode.generator.model.DisruptionBudget;
import io.chartascode.generator.model.HttpRoute;
import io.chartascode.generator.model.Ingress;
import io.chartascode.generator.model.NetworkPolicy;
import io.chartascode.generator.model.OptOut;
import io.chartascode.generator.model.TopologySpread;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What the importer understood, in the model's terms. Two things are made from it and must agree:
 * the Java source ({@code source.ModelSource}) and, for the report, the model itself
 * ({@link PlanInterpreter}). The round-trip tests compile the first and compare it with the second.
 *
 * @param disruptionBudget the input's PodDisruptionBudget; empty when it has none
 * @param networkPolicy the input's NetworkPolicy; empty when it has none the model expresses
 * @param serviceAccountAnnotations the map parameter of the ServiceAccount's annotations, if it has any
 * @param keySources the configurations and Secrets the pod reads, as constants of the generated class
 * @param ingress the input's Ingress to the Service; its hosts and switch read parameters of this plan
 * @param httpRoute the input's HTTPRoute to the Service, the same way
 * @param labels the map parameter of the labels every object has besides the application's own
 */
public record ApplicationPlan(
    String name,
    Optional<String> chartVersion,
    Optional<String> appVersion,
    List<ParameterPlan> parameters,
    Workload workload,
    Service service,
    Optional<Autoscaling> autoscaling,
    Optional<DisruptionBudget> disruptionBudget,
    Optional<NetworkPolicy> networkPolicy,
    Optional<ParameterPlan> serviceAccountAnnotations,
    SortedMap<OptOut, String> optOuts,
    Optional<Environment> environment,
    List<KeySourcePlan> keySources,
    Optional<Ingress> ingress,
    Optional<HttpRoute> httpRoute,
    Optional<ParameterPlan> labels) {

  public ApplicationPlan {
    parameters = List.copyOf(parameters);
    keySources = List.copyOf(keySources);
  }

  public ApplicationPlan withOptOuts(SortedMap<OptOut, String> optOuts) {
    return new ApplicationPlan(
        name, chartVersion, appVersion, parameters, workload, service, autoscaling, disruptionBudget, networkPolicy,
        serviceAccountAnnotations, optOuts,
        environment, keySources, ingress, httpRoute, labels);
  }

  /** The Deployment's pod. */
  public record Workload(
      ValuePlan replicas,
      List<ContainerPlan> containers,
      List<ContainerPlan> initContainers,
      ObjectNode podSecurityContext,
      List<ObjectNode> tolerations,
      Optional<AntiAffinity> antiAffinity,
      List<TopologySpread> topologySpreads,
      Optional<Long> terminationGracePeriodSeconds,
      SortedMap<String, String> nodeSelector,
      List<String> imagePullSecrets,
      Optional<String> priorityClassName,
      Optional<ObjectNode> strategy,
      List<ObjectNode> volumes,
      List<KeySourcePlan.KeyVolume> keyVolumes,
      Optional<ParameterPlan> podAnnotations,
      Optional<ParameterPlan> podLabels) {
    public Workload {
      volumes = List.copyOf(volumes);
      keyVolumes = List.copyOf(keyVolumes);
      initContainers = List.copyOf(initContainers);
      nodeSelector = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(nodeSelector));
      imagePullSecrets = List.copyOf(imagePullSecrets);
      containers = List.copyOf(containers);
      tolerations = List.copyOf(tolerations);
      topologySpreads = List.copyOf(topologySpreads);
    }
  }

  /** The Service. */
  /** The Service: its first port, and any others, each targeting a named container port. */
  public record Service(String type, ValuePlan port, String targetPortName, List<MorePort> more) {
    public Service {
      more = List.copyOf(more);
    }

    public Service(String type, ValuePlan port, String targetPortName) {
      this(type, port, targetPortName, List.of());
    }

    /** Every target port name, the first port's first. */
    public List<String> targetPortNames() {
      List<String> names = new ArrayList<>(List.of(targetPortName));
      more.forEach(p -> names.add(p.targetPortName()));
      return names;
    }
  }

  /** A Service port after the first. */
  public record MorePort(ValuePlan port, String targetPortName) {}

  /**
   * The HorizontalPodAutoscaler: CPU target, and the memory target, behaviour and other metrics
   * (pods, object, external) where the input has them.
   */
  public record Autoscaling(
      ValuePlan enabled,
      ParameterPlan minReplicas,
      ParameterPlan maxReplicas,
      ValuePlan targetCpu,
      Optional<ValuePlan> targetMemory,
      Optional<ObjectNode> behavior,
      List<ObjectNode> metrics) {
    public Autoscaling {
      metrics = List.copyOf(metrics);
    }
  }

  /** The one environment the input was rendered for, if the user named it. */
  public record Environment(String name, Optional<String> namespace) {}
}
