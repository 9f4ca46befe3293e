package io.chartascode.generator.model;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Deployment: how many pods, where they may run, and the containers they hold. The first
 * container is the application; any others are sidecars.
 */
public final class Workload {
  private final Value<Integer> replicas;
  private final List<Container> containers;
  private final List<Container> initContainers;
  private final PodSecurityContext podSecurityContext;
  private final List<Toleration> tolerations;
  private final AntiAffinity antiAffinity;
  private final List<TopologySpread> topologySpreads;
  private final Long terminationGracePeriodSeconds;
  private final SortedMap<String, String> nodeSelector;
  private final List<String> imagePullSecrets;
  private final String priorityClassName;
  private final DeploymentStrategy strategy;
  private final List<Volume> volumes;
  private final List<KeyVolume> keyVolumes;
  private final Parameter<SortedMap<String, String>> podAnnotations;
  private final Parameter<SortedMap<String, String>> podLabels;

  private Workload(Builder b) {
    this.replicas = Objects.requireNonNull(b.replicas, "replicas");
    if (b.containers.isEmpty()) {
      throw new IllegalArgumentException("a workload needs at least one container");
    }
    this.containers = List.copyOf(b.containers);
    this.initContainers = List.copyOf(b.initContainers);
    // Absent means empty: the security rules then report what is missing, with the fix, as
    // findings among the others (CAC-SEC-001), instead of a NullPointerException here.
    this.podSecurityContext = b.podSecurityContext == null ? new PodSecurityContext() : b.podSecurityContext;
    this.tolerations = List.copyOf(b.tolerations);
    this.antiAffinity = b.antiAffinity;
    this.topologySpreads = List.copyOf(b.topologySpreads);
    this.terminationGracePeriodSeconds = b.terminationGracePeriodSeconds;
    this.nodeSelector = Collections.unmodifiableSortedMap(new TreeMap<>(b.nodeSelector));
    this.imagePullSecrets = List.copyOf(b.imagePullSecrets);
    this.priorityClassName = b.priorityClassName;
    this.strategy = b.strategy;
    this.volumes = List.copyOf(b.volumes);
    this.keyVolumes = List.copyOf(b.keyVolumes);
    this.podAnnotations = b.podAnnotations;
    this.podLabels = b.podLabels;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.replicas = replicas;
    b.containers.addAll(containers);
    b.initContainers.addAll(initContainers);
    b.podSecurityContext = podSecurityContext;
    b.tolerations.addAll(tolerations);
    b.antiAffinity = antiAffinity;
    b.topologySpreads.addAll(topologySpreads);
    b.terminationGracePeriodSeconds = terminationGracePeriodSeconds;
    b.nodeSelector.putAll(nodeSelector);
    b.imagePullSecrets.addAll(imagePullSecrets);
    b.priorityClassName = priorityClassName;
    b.strategy = strategy;
    b.volumes.addAll(volumes);
    b.keyVolumes.addAll(keyVolumes);
    b.podAnnotations = podAnnotations;
    b.podLabels = podLabels;
    return b;
  }

  /** Replicas while autoscaling is off. */
  public Value<Integer> replicas() {
    return replicas;
  }

  /** The application container first, then sidecars; never empty. */
  public List<Container> containers() {
    return containers;
  }

  /** Containers that run to completion, one after another, before the others start. Default: none. */
  public List<Container> initContainers() {
    return initContainers;
  }

  /** Init containers, then the others: every container of the pod, for what holds for each. */
  public List<Container> allContainers() {
    List<Container> all = new ArrayList<>(initContainers);
    all.addAll(containers);
    return List.copyOf(all);
  }

  public PodSecurityContext podSecurityContext() {
    return podSecurityContext;
  }

  /** Default: none. */
  public List<Toleration> tolerations() {
    return tolerations;
  }

  /** Default: none. */
  public Optional<AntiAffinity> antiAffinity() {
    return Optional.ofNullable(antiAffinity);
  }

  /** Default: none. */
  public List<TopologySpread> topologySpreads() {
    return topologySpreads;
  }

  /** How long Kubernetes waits after SIGTERM before SIGKILL. Default: Kubernetes' (30 s). */
  public Optional<Long> terminationGracePeriodSeconds() {
    return Optional.ofNullable(terminationGracePeriodSeconds);
  }

  /** Node labels the pods require. Default: none. */
  public SortedMap<String, String> nodeSelector() {
    return nodeSelector;
  }

  /** Secrets with registry credentials, by name. Default: none. */
  public List<String> imagePullSecrets() {
    return imagePullSecrets;
  }

  /** The PriorityClass of the pods. Default: none. */
  public Optional<String> priorityClassName() {
    return Optional.ofNullable(priorityClassName);
  }

  /** How a rollout replaces pods (maxSurge, maxUnavailable). Default: Kubernetes' (25%, 25%). */
  public Optional<DeploymentStrategy> strategy() {
    return Optional.ofNullable(strategy);
  }

  /**
   * The pod's volumes besides the writable directories' emptyDirs: configMap, secret, projected,
   * persistentVolumeClaim, emptyDir with a size limit or in memory. Containers mount them with
   * {@link Container.Builder#mount}. Default: none.
   */
  public List<Volume> volumes() {
    return volumes;
  }

  /** Volumes of the keys of the application's ConfigMaps and of Secrets, after {@link #volumes()}. */
  public List<KeyVolume> keyVolumes() {
    return keyVolumes;
  }

  /**
   * A map parameter of pod annotations, which a values file or an environment can extend (for
   * example {@code podAnnotations} for a service mesh or a log shipper). Default: none.
   */
  public Optional<Parameter<SortedMap<String, String>>> podAnnotations() {
    return Optional.ofNullable(podAnnotations);
  }

  /**
   * A map parameter of labels the pods get besides the application's own, e.g. a team or cost
   * centre, or {@code sidecar.istio.io/inject}; never in selectors, so changing them only rolls the
   * pods. Default: none.
   */
  public Optional<Parameter<SortedMap<String, String>>> podLabels() {
    return Optional.ofNullable(podLabels);
  }

  /** Builds a {@link Workload}. */
  public static final class Builder {
    private Value<Integer> replicas;
    private final List<Container> containers = new ArrayList<>();
    private final List<Container> initContainers = new ArrayList<>();
    private PodSecurityContext podSecurityContext;
    private final List<Toleration> tolerations = new ArrayList<>();
    private AntiAffinity antiAffinity;
    private final List<TopologySpread> topologySpreads = new ArrayList<>();
    private Long terminationGracePeriodSeconds;
    private final SortedMap<String, String> nodeSelector = new TreeMap<>();
    private final List<String> imagePullSecrets = new ArrayList<>();
    private String priorityClassName;
    private DeploymentStrategy strategy;
    private final List<Volume> volumes = new ArrayList<>();
    private final List<KeyVolume> keyVolumes = new ArrayList<>();
    private Parameter<SortedMap<String, String>> podAnnotations;
    private Parameter<SortedMap<String, String>> podLabels;

    private Builder() {}

    /** The pods' annotations come from this map parameter, e.g. {@code Parameter.stringMap("podAnnotations", Map.of())}. */
    public Builder podAnnotations(Parameter<SortedMap<String, String>> podAnnotations) {
      this.podAnnotations = podAnnotations;
      return this;
    }

    /** The pods' extra labels come from this map parameter, e.g. {@code Parameter.stringMap("podLabels", Map.of())}. */
    public Builder podLabels(Parameter<SortedMap<String, String>> podLabels) {
      this.podLabels = podLabels;
      return this;
    }

    /** A volume of the pod, e.g. {@code new VolumeBuilder().withName("cache").withNewEmptyDir().withSizeLimit(...)}. */
    public Builder volume(Volume volume) {
      this.volumes.add(volume);
      return this;
    }

    /**
     * A volume {@code name} of the keys of {@code source} as files: all of them, or only {@code
     * keys}. For a {@link Configuration} it reads the ConfigMap by the name the generator gives it.
     */
    public Builder volume(String name, KeySource source, String... keys) {
      this.keyVolumes.add(new KeyVolume(name, source, List.of(keys)));
      return this;
    }

    public Builder terminationGracePeriodSeconds(long seconds) {
      this.terminationGracePeriodSeconds = seconds;
      return this;
    }

    public Builder nodeSelector(String label, String value) {
      this.nodeSelector.put(label, value);
      return this;
    }

    public Builder imagePullSecret(String secretName) {
      this.imagePullSecrets.add(secretName);
      return this;
    }

    public Builder priorityClassName(String priorityClassName) {
      this.priorityClassName = priorityClassName;
      return this;
    }

    /** For example {@code new DeploymentStrategyBuilder().withNewRollingUpdate().withMaxSurge(...)}. */
    public Builder strategy(DeploymentStrategy strategy) {
      this.strategy = strategy;
      return this;
    }

    public Builder replicas(Value<Integer> replicas) {
      this.replicas = replicas;
      return this;
    }

    /** Adds a container; the first one added is the application container. */
    public Builder container(Container container) {
      this.containers.add(Objects.requireNonNull(container, "container"));
      return this;
    }

    /** A container that runs to completion before the others start, such as a schema migration. */
    public Builder initContainer(Container container) {
      this.initContainers.add(container);
      return this;
    }

    public Builder clearContainers() {
      this.containers.clear();
      return this;
    }

    public Builder podSecurityContext(PodSecurityContext podSecurityContext) {
      this.podSecurityContext = podSecurityContext;
      return this;
    }

    public Builder toleration(Toleration toleration) {
      this.tolerations.add(toleration);
      return this;
    }

    public Builder antiAffinity(AntiAffinity antiAffinity) {
      this.antiAffinity = antiAffinity;
      return this;
    }

    public Builder topologySpread(TopologySpread spread) {
      this.topologySpreads.add(spread);
      return this;
    }

    /**
     * Pods prefer distinct nodes: preferred anti-affinity on the hostname plus a hostname spread
     * with {@code ScheduleAnyway}, so 10 pods still fit on 3 nodes.
     */
    public Builder spreadAcrossNodes() {
      this.antiAffinity = AntiAffinity.preferDistinctNodes();
      this.topologySpreads.add(TopologySpread.preferAcrossNodes());
      return this;
    }

    public Workload build() {
      return new Workload(this);
    }
  }
}
