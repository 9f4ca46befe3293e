package io.chartascode.generator.internal.k8s;

import io.chartascode.generator.model.AntiAffinity;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Autoscaling;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.ContainerPort;
import io.chartascode.generator.model.EnvVar;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.TopologySpread;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.model.Workload;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Deployment: the pod template with its containers, probes, resources, security contexts,
 * spreading and writable directories. Its replica count is left out while an autoscaler owns it.
 */
final class DeploymentPart implements Part {
  @Override
  public String stem() {
    return "deployment";
  }

  @Override
  public boolean appliesTo(Application app) {
    return true;
  }

  @Override
  public HasMetadata build(Application app, Binder b) {
    Workload workload = app.workload();
    Value<Boolean> autoscaled =
        app.autoscaling().map(Autoscaling::enabled).orElse(Value.fixed(false));
    // Set field by field (see Part#metadata): fabric8's nested builders would copy the containers
    // (probes, env, mounts) eight times per build. The binder is met in the order of the fields.
    ObjectMeta metadata = Part.metadata(b);
    Integer replicas = b.valueUnless(autoscaled, workload.replicas());
    Map<String, String> selector = b.labels(LabelSet.SELECTOR);
    ObjectMeta podMetadata = new ObjectMeta();
    podMetadata.setLabels(b.labels(LabelSet.POD));
    podMetadata.setAnnotations(workload.podAnnotations().map(b::map).orElse(null));
    PodSpec pod = new PodSpec();
    pod.setServiceAccountName(b.name(""));
    pod.setAutomountServiceAccountToken(false);
    // Service links inject one variable per Service in the namespace into the environment.
    pod.setEnableServiceLinks(false);
    pod.setSecurityContext(workload.podSecurityContext());
    pod.setAffinity(workload.antiAffinity().map(a -> antiAffinity(b, a)).orElse(null));
    pod.setTopologySpreadConstraints(topologySpreads(b, workload));
    pod.setTolerations(workload.tolerations());
    pod.setTerminationGracePeriodSeconds(workload.terminationGracePeriodSeconds().orElse(null));
    pod.setNodeSelector(workload.nodeSelector().isEmpty() ? null : workload.nodeSelector());
    pod.setPriorityClassName(workload.priorityClassName().orElse(null));
    pod.setImagePullSecrets(workload.imagePullSecrets().stream().map(LocalObjectReference::new).toList());
    pod.setInitContainers(containers(b, workload.initContainers()));
    pod.setContainers(containers(b, workload.containers()));
    pod.setVolumes(volumes(b, workload));
    DeploymentSpec spec = new DeploymentSpec();
    spec.setReplicas(replicas);
    spec.setStrategy(workload.strategy().orElse(null));
    spec.setSelector(Part.selector(selector));
    spec.setTemplate(new PodTemplateSpec(podMetadata, pod));
    Deployment deployment = new Deployment();
    deployment.setMetadata(metadata);
    deployment.setSpec(spec);
    return deployment;
  }

  private static Affinity antiAffinity(Binder b, AntiAffinity anti) {
    PodAffinityTerm term = new PodAffinityTerm();
    term.setTopologyKey(anti.topologyKey());
    term.setLabelSelector(Part.selector(b.selectorLabels()));
    PodAntiAffinity podAntiAffinity = new PodAntiAffinity();
    podAntiAffinity.setPreferredDuringSchedulingIgnoredDuringExecution(List.of(new WeightedPodAffinityTerm(term, anti.weight())));
    Affinity affinity = new Affinity();
    affinity.setPodAntiAffinity(podAntiAffinity);
    return affinity;
  }

  private static List<TopologySpreadConstraint> topologySpreads(Binder b, Workload workload) {
    List<TopologySpreadConstraint> constraints = new ArrayList<>();
    for (int i = 0; i < workload.topologySpreads().size(); i++) {
      TopologySpread spread = workload.topologySpreads().get(i);
      TopologySpreadConstraint constraint = new TopologySpreadConstraint();
      constraint.setMaxSkew(spread.maxSkew());
      constraint.setTopologyKey(spread.topologyKey());
      constraint.setWhenUnsatisfiable(spread.whenUnsatisfiable());
      constraint.setLabelSelector(Part.selector(b.selectorLabels()));
      constraints.add(constraint);
    }
    return constraints;
  }

  private static List<io.fabric8.kubernetes.api.model.Container> containers(Binder b, List<Container> model) {
    List<io.fabric8.kubernetes.api.model.Container> containers = new ArrayList<>();
    for (Container c : model) {
      containers.add(container(b, c));
    }
    return containers;
  }

  /**
   * One container, set field by field: a {@code ContainerBuilder} would copy every probe, mount and
   * variable into builders of its own and out again. The parts taken from the model (probes,
   * security context, mounts) are shared, not copied; no built object is changed afterwards.
   */
  private static io.fabric8.kubernetes.api.model.Container container(Binder b, Container c) {
    io.fabric8.kubernetes.api.model.Container container = new io.fabric8.kubernetes.api.model.Container();
    container.setName(c.name());
    container.setImage(b.value(c.image().reference()));
    container.setImagePullPolicy(b.value(c.pullPolicy()));
    List<io.fabric8.kubernetes.api.model.ContainerPort> ports = new ArrayList<>();
    for (ContainerPort port : c.ports()) {
      io.fabric8.kubernetes.api.model.ContainerPort built = new io.fabric8.kubernetes.api.model.ContainerPort();
      built.setName(port.name());
      built.setContainerPort(b.value(port.port()));
      built.setProtocol("TCP");
      ports.add(built);
    }
    container.setPorts(ports);
    List<io.fabric8.kubernetes.api.model.EnvVar> env = new ArrayList<>();
    for (EnvVar var : c.env()) {
      env.add(var.<io.fabric8.kubernetes.api.model.EnvVar>match(
          value -> new io.fabric8.kubernetes.api.model.EnvVar(var.name(), b.value(value), null),
          key -> new io.fabric8.kubernetes.api.model.EnvVar(var.name(), null, KeySourceRefs.envVarSource(b, key)),
          source -> new io.fabric8.kubernetes.api.model.EnvVar(var.name(), null, source)));
    }
    List<EnvFromSource> envFrom = new ArrayList<>();
    c.envFrom().forEach(from -> envFrom.add(KeySourceRefs.envFromSource(b, from)));
    c.extraEnv().ifPresent(extra -> b.entries(extra)
        .forEach((name, value) -> env.add(new io.fabric8.kubernetes.api.model.EnvVar(name, value, null))));
    container.setEnv(env);
    container.setEnvFrom(envFrom);
    container.setLivenessProbe(c.liveness().orElse(null));
    container.setReadinessProbe(c.readiness().orElse(null));
    container.setStartupProbe(c.startup().orElse(null));
    container.setLifecycle(c.lifecycle().orElse(null));
    container.setCommand(c.command());
    container.setArgs(c.args());
    container.setResources(resources(b, c.resources()));
    container.setSecurityContext(c.securityContext());
    container.setVolumeMounts(mounts(c));
    return container;
  }

  /** The writable directories' emptyDirs, then the model's own volumes, then those of ConfigMaps and Secrets. */
  private static List<Volume> volumes(Binder b, Workload workload) {
    List<Volume> volumes = new ArrayList<>();
    workload.allContainers().stream()
        .flatMap(c -> c.writableDirectories().stream())
        .map(WritableVolumes::name)
        .distinct()
        .forEach(name -> {
          Volume volume = new Volume();
          volume.setName(name);
          volume.setEmptyDir(new EmptyDirVolumeSource());
          volumes.add(volume);
        });
    volumes.addAll(workload.volumes());
    workload.keyVolumes().forEach(volume -> volumes.add(KeySourceRefs.volume(b, volume)));
    return volumes;
  }

  private static List<VolumeMount> mounts(Container c) {
    List<VolumeMount> mounts = new ArrayList<>();
    c.writableDirectories().forEach(dir -> {
      VolumeMount mount = new VolumeMount();
      mount.setName(WritableVolumes.name(dir));
      mount.setMountPath(dir);
      mounts.add(mount);
    });
    mounts.addAll(c.mounts());
    return mounts;
  }

  private static ResourceRequirements resources(Binder b, Resources r) {
    ResourceRequirements resources = new ResourceRequirements();
    resources.setRequests(cpuAndMemory(quantity(b, r.cpuRequest()), quantity(b, r.memoryRequest())));
    resources.setLimits(cpuAndMemory(quantity(b, r.cpuLimit()), quantity(b, r.memoryLimit())));
    return resources;
  }

  private static Map<String, Quantity> cpuAndMemory(Quantity cpu, Quantity memory) {
    Map<String, Quantity> map = new TreeMap<>();
    map.put("cpu", cpu);
    map.put("memory", memory);
    return map;
  }

  private static Quantity quantity(Binder b, Value<String> value) {
    return new Quantity(b.value(value));
  }
}
