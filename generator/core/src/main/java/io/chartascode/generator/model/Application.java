package io.chartascode.generator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One deployable service: its workload, Service, autoscaler, parameters and environments. This is
 * the single description from which the Helm chart and the Kustomize tree are both rendered.
 */
public final class Application {
  private final String name;
  private final String description;
  private final String chartVersion;
  private final String appVersion;
  private final List<Parameter<?>> parameters;
  private final ParameterValues defaults;
  private final Map<Environment, ParameterValues> valuesByEnvironment = new ConcurrentHashMap<>();
  private final Workload workload;
  private final ServiceExposure service;
  private final Autoscaling autoscaling;
  private final List<Bound> bounds;
  private final List<Environment> environments;
  private final SortedMap<OptOut, String> optOuts;
  private final ArgoCd argoCd;
  private final List<CustomObject> objects;
  private final DisruptionBudget disruptionBudget;
  private final NetworkPolicy networkPolicy;
  private final Parameter<SortedMap<String, String>> serviceAccountAnnotations;
  private final Parameter<SortedMap<String, String>> labels;
  private final ChartMetadata chartMetadata;
  private final List<Configuration> declaredConfigurations;
  private final Ingress ingress;
  private final HttpRoute httpRoute;

  private Application(Builder b) {
    this.name = b.name;
    this.description = b.description;
    this.chartVersion = b.chartVersion;
    this.appVersion = b.appVersion;
    this.parameters = List.copyOf(b.parameters);
    this.defaults = ParameterValues.defaults(parameters);
    this.workload = Objects.requireNonNull(b.workload, "workload");
    this.service = Objects.requireNonNull(b.service, "service");
    this.autoscaling = b.autoscaling;
    this.bounds = List.copyOf(b.bounds);
    this.environments = List.copyOf(b.environments);
    this.optOuts = Collections.unmodifiableSortedMap(new TreeMap<>(b.optOuts));
    this.argoCd = b.argoCd;
    this.objects = List.copyOf(b.objects);
    this.disruptionBudget = b.disruptionBudget;
    this.networkPolicy = b.networkPolicy;
    this.serviceAccountAnnotations = b.serviceAccountAnnotations;
    this.labels = b.labels;
    this.chartMetadata = b.chartMetadata;
    this.declaredConfigurations = List.copyOf(b.configurations);
    this.ingress = b.ingress;
    this.httpRoute = b.httpRoute;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.description = description;
    b.chartVersion = chartVersion;
    b.appVersion = appVersion;
    b.parameters.addAll(parameters);
    b.workload = workload;
    b.service = service;
    b.autoscaling = autoscaling;
    b.bounds.addAll(bounds);
    b.environments.addAll(environments);
    b.optOuts.putAll(optOuts);
    b.argoCd = argoCd;
    b.objects.addAll(objects);
    b.disruptionBudget = disruptionBudget;
    b.networkPolicy = networkPolicy;
    b.serviceAccountAnnotations = serviceAccountAnnotations;
    b.labels = labels;
    b.chartMetadata = chartMetadata;
    b.configurations.addAll(declaredConfigurations);
    b.ingress = ingress;
    b.httpRoute = httpRoute;
    return b;
  }

  /** The chart name, object names and {@code app.kubernetes.io/name}. */
  public String name() {
    return name;
  }

  /** Default: {@code "<name> service"}. */
  public String description() {
    return description;
  }

  /** The chart's SemVer version. Default: {@code 0.1.0}. */
  public String chartVersion() {
    return chartVersion;
  }

  /** The application version, also the {@code app.kubernetes.io/version} label. Default: the chart version. */
  public String appVersion() {
    return appVersion;
  }

  /** Every parameter, in the order they appear in {@code values.yaml}. */
  public List<Parameter<?>> parameters() {
    return parameters;
  }

  public Workload workload() {
    return workload;
  }

  public ServiceExposure service() {
    return service;
  }

  /** Default: none, a fixed number of replicas. */
  public Optional<Autoscaling> autoscaling() {
    return Optional.ofNullable(autoscaling);
  }

  /** Pairs of integer parameters where the first may not exceed the second. */
  public List<Bound> bounds() {
    return bounds;
  }

  public List<Environment> environments() {
    return environments;
  }

  /** Guarantees this application gives up, each with the reason why. Default: none. */
  public SortedMap<OptOut, String> optOuts() {
    return optOuts;
  }

  /**
   * The PodDisruptionBudget, which exists while the lowest replica count is at least 2 and the
   * application has not opted out ({@link OptOut#NO_DISRUPTION_BUDGET}). Default: {@link DisruptionBudget#DEFAULT}.
   */
  public DisruptionBudget disruptionBudget() {
    return disruptionBudget;
  }

  /**
   * The NetworkPolicy, which exists unless the application has opted out ({@link
   * OptOut#NO_NETWORK_POLICY}). Default: {@link NetworkPolicy#DEFAULT}.
   */
  public NetworkPolicy networkPolicy() {
    return networkPolicy;
  }

  /** A map parameter of ServiceAccount annotations, e.g. for workload identity. Default: none. */
  public Optional<Parameter<SortedMap<String, String>>> serviceAccountAnnotations() {
    return Optional.ofNullable(serviceAccountAnnotations);
  }

  /**
   * A map parameter of labels every object gets besides the application's own, e.g. a team or
   * cost centre; never in selectors or pod templates (see {@link Workload#podLabels()}). Default: none.
   */
  public Optional<Parameter<SortedMap<String, String>>> labels() {
    return Optional.ofNullable(labels);
  }

  /** Objects built by the user's own code, in the order they were added. Default: none. */
  public List<CustomObject> objects() {
    return objects;
  }

  /** Argo CD Applications for every environment, reading the tree from Git. Default: none. */
  public Optional<ArgoCd> argoCd() {
    return Optional.ofNullable(argoCd);
  }

  /** Chart.yaml's metadata and the Artifact Hub annotations. Default: {@link ChartMetadata#DEFAULT}. */
  public ChartMetadata chartMetadata() {
    return chartMetadata;
  }

  /**
   * The ConfigMaps the application writes: those it {@linkplain Builder#configuration declares},
   * then those its containers and volumes read, each once, in that order.
   */
  public List<Configuration> configurations() {
    Set<Configuration> all = new LinkedHashSet<>(declaredConfigurations);
    keySources().filter(Configuration.class::isInstance).map(Configuration.class::cast).forEach(all::add);
    return List.copyOf(all);
  }

  /** The Secrets the application reads, each once, in the order its containers and volumes name them. */
  public List<SecretReference> secrets() {
    Set<SecretReference> all = new LinkedHashSet<>();
    keySources().filter(SecretReference.class::isInstance).map(SecretReference.class::cast).forEach(all::add);
    return List.copyOf(all);
  }

  private Stream<KeySource> keySources() {
    Stream<KeySource> env =
        workload.allContainers().stream()
            .flatMap(c -> Stream.concat(
                c.env().stream().flatMap(v -> v.match(value -> Stream.<KeySource>empty(), key -> Stream.of(key.source()), source -> Stream.empty())),
                c.envFrom().stream().map(EnvFrom::source)));
    return Stream.concat(env, workload.keyVolumes().stream().map(KeyVolume::source));
  }

  /** The Ingress in front of the Service. Default: none. */
  public Optional<Ingress> ingress() {
    return Optional.ofNullable(ingress);
  }

  /** The Gateway API HTTPRoute in front of the Service. Default: none. */
  public Optional<HttpRoute> httpRoute() {
    return Optional.ofNullable(httpRoute);
  }

  /** Every parameter at its default. */
  public ParameterValues defaults() {
    return defaults;
  }

  /** The parameter values one environment sees. */
  public ParameterValues valuesFor(Environment environment) {
    // Kept: validation and both renderers ask for each environment's values many times.
    return valuesByEnvironment.computeIfAbsent(environment, env -> defaults.with(env.overrides()));
  }

  /** Builds an {@link Application}. */
  public static final class Builder {
    private final String name;
    private String description;
    private String chartVersion = "0.1.0";
    private String appVersion;
    private final List<Parameter<?>> parameters = new ArrayList<>();
    private Workload workload;
    private ServiceExposure service;
    private Autoscaling autoscaling;
    private final List<Bound> bounds = new ArrayList<>();
    private final List<Environment> environments = new ArrayList<>();
    private final SortedMap<OptOut, String> optOuts = new TreeMap<>();
    private ArgoCd argoCd;
    private final List<CustomObject> objects = new ArrayList<>();
    private DisruptionBudget disruptionBudget = DisruptionBudget.DEFAULT;
    private NetworkPolicy networkPolicy = NetworkPolicy.DEFAULT;
    private Parameter<SortedMap<String, String>> serviceAccountAnnotations;
    private Parameter<SortedMap<String, String>> labels;
    private ChartMetadata chartMetadata = ChartMetadata.DEFAULT;
    private final List<Configuration> configurations = new ArrayList<>();
    private Ingress ingress;
    private HttpRoute httpRoute;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
      this.description = name + " service";
    }

    public Builder description(String description) {
      this.description = Objects.requireNonNull(description);
      return this;
    }

    public Builder chartVersion(String chartVersion) {
      this.chartVersion = Objects.requireNonNull(chartVersion);
      return this;
    }

    public Builder appVersion(String appVersion) {
      this.appVersion = Objects.requireNonNull(appVersion);
      return this;
    }

    public Builder parameters(Parameter<?>... parameters) {
      this.parameters.addAll(List.of(parameters));
      return this;
    }

    public Builder workload(Workload workload) {
      this.workload = workload;
      return this;
    }

    public Builder service(ServiceExposure service) {
      this.service = service;
      return this;
    }

    public Builder autoscaling(Autoscaling autoscaling) {
      this.autoscaling = autoscaling;
      return this;
    }

    public Builder bound(Parameter<Integer> lower, Parameter<Integer> upper) {
      this.bounds.add(new Bound(lower, upper));
      return this;
    }

    public Builder environment(Environment environment) {
      this.environments.add(environment);
      return this;
    }

    /** Drops the environments added so far, e.g. to derive a variant of an application with others. */
    public Builder clearEnvironments() {
      this.environments.clear();
      return this;
    }

    /** Gives up one guarantee; the reason is required and shows up in review. */
    public Builder optOut(OptOut optOut, String reason) {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("an opt-out of " + optOut + " needs a reason");
      }
      this.optOuts.put(optOut, reason);
      return this;
    }

    /**
     * Adds an object of any kind, built by {@code template} with fabric8's builders, written to
     * {@code <fileStem>.yaml} in the chart and the Kustomize base. Fields it reads through its
     * {@link Bindings} vary by values file and environment, like the model's own.
     */
    public Builder object(String fileStem, ObjectTemplate template) {
      this.objects.add(new CustomObject(fileStem, Optional.empty(), template));
      return this;
    }

    /** As {@link #object(String, ObjectTemplate)}, for an object that exists while {@code enabled} is true. */
    public Builder object(String fileStem, Value<Boolean> enabled, ObjectTemplate template) {
      this.objects.add(new CustomObject(fileStem, Optional.of(enabled), template));
      return this;
    }

    /** How many pods a voluntary disruption may take down. Default: {@link DisruptionBudget#DEFAULT}. */
    public Builder disruptionBudget(DisruptionBudget disruptionBudget) {
      this.disruptionBudget = Objects.requireNonNull(disruptionBudget, "disruptionBudget");
      return this;
    }

    /** Who may connect to the pods, and where they may connect. Default: {@link NetworkPolicy#DEFAULT}. */
    public Builder networkPolicy(NetworkPolicy networkPolicy) {
      this.networkPolicy = Objects.requireNonNull(networkPolicy, "networkPolicy");
      return this;
    }

    /**
     * The ServiceAccount's annotations come from this map parameter, e.g. {@code
     * eks.amazonaws.com/role-arn} or {@code iam.gke.io/gcp-service-account} for workload identity,
     * set per environment.
     */
    public Builder serviceAccountAnnotations(Parameter<SortedMap<String, String>> annotations) {
      this.serviceAccountAnnotations = annotations;
      return this;
    }

    /** Every object's extra labels come from this map parameter, e.g. {@code Parameter.stringMap("labels", Map.of())}. */
    public Builder labels(Parameter<SortedMap<String, String>> labels) {
      this.labels = labels;
      return this;
    }

    /** Argo CD Applications for every environment. Default: none. */
    public Builder argoCd(ArgoCd argoCd) {
      this.argoCd = argoCd;
      return this;
    }

    /**
     * A ConfigMap the application writes although no container of the model reads it. Those that
     * a container reads are written anyway.
     */
    public Builder configuration(Configuration configuration) {
      this.configurations.add(Objects.requireNonNull(configuration, "configuration"));
      return this;
    }

    public Builder chartMetadata(ChartMetadata chartMetadata) {
      this.chartMetadata = Objects.requireNonNull(chartMetadata, "chartMetadata");
      return this;
    }

    /** An Ingress (networking.k8s.io/v1) to the Service's ports. Default: none. */
    public Builder ingress(Ingress ingress) {
      this.ingress = Objects.requireNonNull(ingress, "ingress");
      return this;
    }

    /** A Gateway API HTTPRoute (gateway.networking.k8s.io/v1) to the Service's ports. Default: none. */
    public Builder httpRoute(HttpRoute httpRoute) {
      this.httpRoute = Objects.requireNonNull(httpRoute, "httpRoute");
      return this;
    }

    public Application build() {
      if (appVersion == null) {
        appVersion = chartVersion;
      }
      return new Application(this);
    }
  }
}
