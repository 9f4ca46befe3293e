package io.chartascode.importer.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartascode.generator.model.AntiAffinity;
import io.chartascode.generator.model.OptOut;
import io.chartascode.generator.model.TopologySpread;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What the importer understood, in the model's terms. Two things are made from it and must agree:
 * the Java source ({@code source.ModelSource}) and, for the report, the model itself
 * ({@link PlanInterpreter}). The round-trip tests compile the first and compare it with the second.
 *
 * @param parts what each of {@link PartReaders#ALL} read, in that order; the Service is always there
 * @param keySources the configurations and Secrets the pod reads, as constants of the generated class
 * @param labels the map parameter of the labels every object has besides the application's own
 */
public record ApplicationPlan(
    String name,
    Optional<String> chartVersion,
    Optional<String> appVersion,
    List<ParameterPlan> parameters,
    Workload workload,
    List<PartPlan<?>> parts,
    SortedMap<OptOut, String> optOuts,
    Optional<Environment> environment,
    List<KeySourcePlan> keySources,
    Optional<ParameterPlan> labels) {

  public ApplicationPlan {
    parameters = List.copyOf(parameters);
    parts = List.copyOf(parts);
    keySources = List.copyOf(keySources);
  }

  public ApplicationPlan withOptOuts(SortedMap<OptOut, String> optOuts) {
    return new ApplicationPlan(
        name, chartVersion, appVersion, parameters, workload, parts, optOuts, environment, keySources, labels);
  }

  /** Whether {@code reader} read a part of this plan. */
  public boolean has(PartReader<?> reader) {
    return parts.stream().anyMatch(part -> part.reader() == reader);
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

  /** The one environment the input was rendered for, if the user named it. */
  public record Environment(String name, Optional<String> namespace) {}
}
