package io.chartascode.generator.k8s;

import io.chartascode.generator.model.AntiAffinity;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Autoscaling;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.CustomObject;
import io.chartascode.generator.model.DisruptionBudget;
import io.chartascode.generator.model.ContainerPort;
import io.chartascode.generator.model.EnvVar;
import io.chartascode.generator.model.HttpProbe;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterValues;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.TopologySpread;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.model.Workload;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The single description of how an {@link Application} becomes Kubernetes objects, written with
 * fabric8's typed builders. Every varying field goes through a {@link Binder}; where it lands is
 * read off the built object, so no field is named twice. See {@link Binder} for why there is
 * exactly one builder for both outputs.
 */
public final class ManifestFactory {
  private final Application app;

  private ManifestFactory(Application app) {
    this.app = app;
  }

  /** The objects for one set of values; objects whose condition is false are left out. */
  public static List<Manifest> concrete(Application app, ParameterValues values) {
    ManifestFactory factory = new ManifestFactory(app);
    return factory.all(() -> new ConcreteBinder(app, values)).stream()
        .filter(m -> m.condition().map(c -> c.evaluate(values)).orElse(true))
        .toList();
  }

  /** Every object at its defaults, with the slots a template needs. */
  public static List<Manifest> templated(Application app) {
    return new ManifestFactory(app).all(() -> new TemplateBinder(app));
  }

  /**
   * Every parameter the objects read while they are built, conditions included: what the chart's
   * values must declare, found by building rather than by listing fields.
   */
  public static Stream<Parameter<?>> usedParameters(Application app) {
    ManifestFactory factory = new ManifestFactory(app);
    List<Parameter<?>> used = new ArrayList<>();
    List<Manifest> manifests = new ArrayList<>();
    UsageBinder binder = new UsageBinder(app);
    manifests.addAll(factory.builtIns(() -> binder));
    for (CustomObject custom : app.objects()) {
      UsageBinder own = new UsageBinder(app);
      try {
        manifests.add(factory.custom(custom, own));
        own.used().forEach(used::add);
      } catch (RuntimeException e) {
        // CustomObjectsRule reports the failure itself.
      }
    }
    binder.used().forEach(used::add);
    manifests.stream().flatMap(m -> m.condition().stream()).flatMap(Value::parameters).forEach(used::add);
    return used.stream();
  }

  /** One custom object built with the values' defaults: what CustomObjectsRule inspects. */
  public static HasMetadata probe(Application app, CustomObject custom) {
    return new ManifestFactory(app).custom(custom, new UsageBinder(app)).object();
  }

  /** The file stems of the objects the model builds itself; custom objects must use others. */
  public static final List<String> BUILT_IN_STEMS = List.of("serviceaccount", "service", "deployment", "hpa", "pdb");

  private List<Manifest> all(Supplier<Binder> binders) {
    List<Manifest> manifests = builtIns(binders);
    for (CustomObject custom : app.objects()) {
      manifests.add(custom(custom, binders.get()));
    }
    return manifests;
  }

  private List<Manifest> builtIns(Supplier<Binder> binders) {
    List<Manifest> manifests = new ArrayList<>();
    manifests.add(build("serviceaccount", Optional.empty(), binders.get(), this::serviceAccount));
    manifests.add(build("service", Optional.empty(), binders.get(), this::service));
    manifests.add(build("deployment", Optional.empty(), binders.get(), this::deployment));
    app.autoscaling()
        .ifPresent(
            hpa ->
                manifests.add(
                    build("hpa", Optional.of(hpa.enabled()), binders.get(), b -> hpa(b, hpa))));
    if (DisruptionBudgets.applies(app)) {
      manifests.add(build("pdb", Optional.empty(), binders.get(), this::disruptionBudget));
    }
    return manifests;
  }

  private HasMetadata disruptionBudget(Binder b) {
    DisruptionBudget budget = app.disruptionBudget();
    IntOrString count = new IntOrString(b.value(budget.count()));
    boolean max = budget.limit() == DisruptionBudget.Limit.MAX_UNAVAILABLE;
    return new PodDisruptionBudgetBuilder()
        .withMetadata(metadata(b, ""))
        .withNewSpec()
        .withMaxUnavailable(max ? count : null)
        .withMinAvailable(max ? null : count)
        // Literal on both sides: Kustomize's label transformer only adds to selectors that exist.
        .withNewSelector()
        .withMatchLabels(b.selectorLabels())
        .endSelector()
        .endSpec()
        .build();
  }

  /**
   * A user's object, with the namespace and the application's labels where it left them out, as
   * the built-in objects have them: Kustomize's transformers add both to every object.
   */
  private Manifest custom(CustomObject custom, Binder binder) {
    return build(custom.fileStem(), custom.enabled(), binder, b -> {
      HasMetadata object = custom.template().build(b);
      ObjectMeta meta = object.getMetadata() == null ? new ObjectMeta() : object.getMetadata();
      if (meta.getNamespace() == null) {
        meta.setNamespace(b.namespace());
      }
      if (meta.getLabels() == null || meta.getLabels().isEmpty()) {
        meta.setLabels(b.labels(LabelSet.OBJECT));
      }
      object.setMetadata(meta);
      return object;
    });
  }

  private static Manifest build(
      String stem,
      Optional<Value<Boolean>> condition,
      Binder binder,
      Function<Binder, HasMetadata> builder) {
    HasMetadata object = builder.apply(binder);
    List<Slot> slots = binder instanceof TemplateBinder t ? t.locate(object) : List.of();
    return new Manifest(stem, object, condition, slots);
  }

  private ObjectMeta metadata(Binder b, String suffix) {
    return new ObjectMetaBuilder()
        .withName(b.name(suffix))
        .withNamespace(b.namespace())
        .withLabels(b.labels(LabelSet.OBJECT))
        .build();
  }

  private HasMetadata serviceAccount(Binder b) {
    return new ServiceAccountBuilder()
        .withMetadata(metadata(b, ""))
        // The pods never call the API server, so no token is mounted at all.
        .withAutomountServiceAccountToken(false)
        .build();
  }

  private HasMetadata service(Binder b) {
    var service = app.service();
    return new ServiceBuilder()
        .withMetadata(metadata(b, ""))
        .withNewSpec()
        .withType(service.type())
        .withSelector(b.labels(LabelSet.SELECTOR))
        .addNewPort()
        .withName(service.targetPortName())
        .withPort(b.value(service.port()))
        .withTargetPort(new IntOrString(service.targetPortName()))
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }

  private HasMetadata deployment(Binder b) {
    Workload workload = app.workload();
    Value<Boolean> autoscaled =
        app.autoscaling().map(Autoscaling::enabled).orElse(Value.fixed(false));
    return new DeploymentBuilder()
        .withMetadata(metadata(b, ""))
        .withNewSpec()
        .withReplicas(b.valueUnless(autoscaled, workload.replicas()))
        .withNewSelector()
        .withMatchLabels(b.labels(LabelSet.SELECTOR))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(b.labels(LabelSet.POD))
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(b.name(""))
        .withAutomountServiceAccountToken(false)
        // Service links inject one variable per Service in the namespace into the environment.
        .withEnableServiceLinks(false)
        .withSecurityContext(workload.podSecurityContext())
        .withAffinity(workload.antiAffinity().map(a -> antiAffinity(b, a)).orElse(null))
        .withTopologySpreadConstraints(topologySpreads(b, workload))
        .withTolerations(workload.tolerations())
        .withContainers(containers(b, workload))
        .withVolumes(
            workload.containers().stream()
                .flatMap(c -> c.writableDirectories().stream())
                .map(ManifestFactory::volumeName)
                .distinct()
                .map(name -> new VolumeBuilder().withName(name).withNewEmptyDir().endEmptyDir().build())
                .toList())
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private Affinity antiAffinity(Binder b, AntiAffinity anti) {
    return new AffinityBuilder()
        .withNewPodAntiAffinity()
        .addNewPreferredDuringSchedulingIgnoredDuringExecution()
        .withWeight(anti.weight())
        .withNewPodAffinityTerm()
        .withTopologyKey(anti.topologyKey())
        .withNewLabelSelector()
        .withMatchLabels(b.selectorLabels())
        .endLabelSelector()
        .endPodAffinityTerm()
        .endPreferredDuringSchedulingIgnoredDuringExecution()
        .endPodAntiAffinity()
        .build();
  }

  private static List<TopologySpreadConstraint> topologySpreads(Binder b, Workload workload) {
    List<TopologySpreadConstraint> constraints = new ArrayList<>();
    for (int i = 0; i < workload.topologySpreads().size(); i++) {
      TopologySpread spread = workload.topologySpreads().get(i);
      constraints.add(
          new TopologySpreadConstraintBuilder()
              .withMaxSkew(spread.maxSkew())
              .withTopologyKey(spread.topologyKey())
              .withWhenUnsatisfiable(spread.whenUnsatisfiable())
              .withNewLabelSelector()
              .withMatchLabels(b.selectorLabels())
              .endLabelSelector()
              .build());
    }
    return constraints;
  }

  private static List<io.fabric8.kubernetes.api.model.Container> containers(Binder b, Workload workload) {
    List<io.fabric8.kubernetes.api.model.Container> containers = new ArrayList<>();
    for (int i = 0; i < workload.containers().size(); i++) {
      containers.add(container(b, workload.containers().get(i)));
    }
    return containers;
  }

  private static io.fabric8.kubernetes.api.model.Container container(Binder b, Container c) {
    ContainerBuilder container =
        new ContainerBuilder()
            .withName(c.name())
            .withImage(b.value(c.image().reference()))
            .withImagePullPolicy(b.value(c.pullPolicy()));
    for (int i = 0; i < c.ports().size(); i++) {
      ContainerPort port = c.ports().get(i);
      container
          .addNewPort()
          .withName(port.name())
          .withContainerPort(b.value(port.port()))
          .withProtocol("TCP")
          .endPort();
    }
    List<EnvVar> fixed = c.env();
    for (int i = 0; i < fixed.size(); i++) {
      container.addToEnv(
          new EnvVarBuilder()
              .withName(fixed.get(i).name())
              .withValue(b.value(fixed.get(i).value()))
              .build());
    }
    c.extraEnv()
        .ifPresent(
            extra ->
                b.entries(extra)
                    .forEach(
                        (name, value) ->
                            container.addToEnv(
                                new EnvVarBuilder().withName(name).withValue(value).build())));
    c.liveness().ifPresent(p -> container.withLivenessProbe(probe(p)));
    c.readiness().ifPresent(p -> container.withReadinessProbe(probe(p)));
    return container
        .withResources(resources(b, c.resources()))
        .withSecurityContext(c.securityContext())
        .withVolumeMounts(
            c.writableDirectories().stream()
                .map(
                    dir ->
                        new VolumeMountBuilder()
                            .withName(volumeName(dir))
                            .withMountPath(dir)
                            .build())
                .toList())
        .build();
  }

  private static io.fabric8.kubernetes.api.model.ResourceRequirements resources(Binder b, Resources r) {
    return new ResourceRequirementsBuilder()
        .withRequests(cpuAndMemory(quantity(b, r.cpuRequest()), quantity(b, r.memoryRequest())))
        .withLimits(cpuAndMemory(quantity(b, r.cpuLimit()), quantity(b, r.memoryLimit())))
        .build();
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

  private static Probe probe(HttpProbe probe) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(probe.path())
        .withPort(new IntOrString(probe.portName()))
        .endHttpGet()
        .build();
  }

  private HasMetadata hpa(Binder b, Autoscaling autoscaling) {
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(metadata(b, ""))
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
                .withAverageUtilization(
                    b.value(autoscaling.targetCpuUtilizationPercentage()))
                .endTarget()
                .endResource()
                .build())
        .endSpec()
        .build();
  }

  /** {@code /tmp} → {@code tmp}: a DNS label for the emptyDir volume. */
  public static String volumeName(String directory) {
    String name = directory.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return name.isEmpty() ? "root" : name;
  }
}
