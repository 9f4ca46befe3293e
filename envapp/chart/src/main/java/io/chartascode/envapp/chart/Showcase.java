package io.chartascode.envapp.chart;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Autoscaling;
import io.chartascode.generator.model.Bindings;
import io.chartascode.generator.model.Configuration;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.ContainerPort;
import io.chartascode.generator.model.EnvVar;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.HttpProbe;
import io.chartascode.generator.model.HttpRoute;
import io.chartascode.generator.model.Image;
import io.chartascode.generator.model.Ingress;
import io.chartascode.generator.model.NetworkPeer;
import io.chartascode.generator.model.NetworkPolicy;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Patterns;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.SecretReference;
import io.chartascode.generator.model.ServiceExposure;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.model.Workload;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LifecycleBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehaviorBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The second reference service: envapp's binary, deployed with every workload feature the model
 * has, so that each is generated, linted and proven helm ≡ kustomize in this repository's own
 * tree. An init container runs the binary's smoke test before the server starts; probes of three
 * kinds with timings; a preStop sleep; the pod's name and namespace from the downward API, and its
 * labels as files; configuration from a file of this module and from a value, as variables and
 * as a read-only file; a Secret's key as a variable and another as a read-only file (mode 0400),
 * named to envapp as secret-backed so it masks them; a sized in-memory cache; pod and
 * ServiceAccount annotations from values; a rollout that never drops below the replica count; an
 * autoscaler on cpu and memory that scales down slowly; a NetworkPolicy that admits the namespace,
 * monitoring and the ingress controllers, and lets the pods reach DNS only; an Ingress in dev and
 * a Gateway API HTTPRoute in prod, at each environment's own host.
 */
public final class Showcase {
  // The image, cpu, autoscaling switch and Service port are envapp's own parameters (EnvApp.HUB and
  // so on): the same binary, the same defaults. The rest differ in their defaults.
  public static final Parameter<SortedMap<String, String>> ENV =
      Parameter.stringMap("env", new TreeMap<>(Map.of("GREETING", "hello")))
          .description("Environment variables, name to value. Values must be strings.")
          .pattern(Patterns.ENV_NAME)
          .build();
  public static final Parameter<Integer> REPLICAS =
      Parameter.integer("replicaCount", 2).description("Replicas while autoscaling is disabled.").minimum(1).build();
  public static final Parameter<String> MEMORY_REQUEST =
      Parameter.memory("resources.requests.memory", "96Mi").description("Memory request.").build();
  public static final Parameter<String> MEMORY_LIMIT =
      Parameter.memory("resources.limits.memory", "160Mi").description("Memory limit.").build();
  public static final Parameter<Integer> MIN_REPLICAS =
      Parameter.integer("autoscaling.minReplicas", 2).description("Lower bound for the autoscaler.").minimum(1).build();
  public static final Parameter<Integer> MAX_REPLICAS =
      Parameter.integer("autoscaling.maxReplicas", 6).description("Upper bound for the autoscaler.").minimum(1).build();
  public static final Parameter<Integer> TARGET_CPU =
      Parameter.integer("autoscaling.targetCPUUtilizationPercentage", 70)
          .description("Average CPU utilisation, in percent of the request, to aim for.")
          .minimum(1)
          .maximum(100)
          .build();
  public static final Parameter<Integer> TARGET_MEMORY =
      Parameter.integer("autoscaling.targetMemoryUtilizationPercentage", 80)
          .description("Average memory utilisation, in percent of the request, to aim for.")
          .minimum(1)
          .maximum(100)
          .build();
  public static final Parameter<SortedMap<String, String>> POD_ANNOTATIONS =
      Parameter.stringMap("podAnnotations", new TreeMap<>(Map.of("prometheus.io/scrape", "false")))
          .description("Annotations of the pods; a values file can add to them.")
          .build();
  public static final Parameter<SortedMap<String, String>> POD_LABELS =
      Parameter.stringMap("podLabels", new TreeMap<>(Map.of("team", "platform")))
          .description("Labels of the pods besides the application's own; a values file can add to them.")
          .pattern(Patterns.LABEL_KEY)
          .build();
  public static final Parameter<SortedMap<String, String>> LABELS =
      Parameter.stringMap("labels", new TreeMap<>(Map.of("example.com/owner", "platform")))
          .description("Labels of every object besides the application's own; a values file can add to them.")
          .pattern(Patterns.LABEL_KEY)
          .build();
  public static final Parameter<SortedMap<String, String>> SERVICE_ACCOUNT_ANNOTATIONS =
      Parameter.stringMap("serviceAccount.annotations", new TreeMap<>())
          .description("Annotations of the ServiceAccount, e.g. for workload identity.")
          .build();

  public static final Parameter<String> GREETING =
      Parameter.string("config.greeting", "hello from the configuration")
          .description("The greeting, a key of the showcase-config ConfigMap; a change rolls the pods.")
          .build();
  public static final Parameter<String> CREDENTIALS_SECRET =
      Parameter.string("credentials.secretName", "showcase-credentials")
          .description("The Secret with the keys db-password, api-token and license, created out of band (never in git).")
          .build();

  public static final Parameter<Boolean> EXTERNAL_SECRET =
      Parameter.bool("externalSecret.enabled", false)
          .description("Whether an External Secrets Operator ExternalSecret creates the credentials Secret.")
          .build();
  public static final Parameter<String> SECRET_STORE =
      Parameter.string("externalSecret.store", "vault")
          .description("The ClusterSecretStore the ExternalSecret reads from.")
          .build();

  /** Configuration from the project's file and from a value; each key's change rolls the pods. */
  static final Configuration CONFIG =
      Configuration.builder("config")
          .file(Path.of("src/main/config/showcase.properties"))
          .value("GREETING", Value.of(GREETING))
          .literal("LOG_FORMAT", "json")
          .build();

  /** A Secret read by name, whose values never enter the model, the chart or git. */
  static final SecretReference CREDENTIALS =
      SecretReference.builder(Value.of(CREDENTIALS_SECRET))
          .key("db-password", "The database user's password, read as DB_PASSWORD.")
          .key("api-token", "The token clients present, mounted as /var/run/secrets/showcase/api-token.")
          .key("license", "The license id, read as LICENSE_ID: a name that looks harmless, masked because it is secret-backed.")
          .build();

  public static final Parameter<String> HOST =
      Parameter.string("host", "showcase.example.com")
          .description("Hostname the service is reached at, through the Ingress or the HTTPRoute.")
          .pattern(Patterns.HOSTNAME)
          .build();
  public static final Parameter<Boolean> INGRESS_ENABLED =
      Parameter.bool("ingress.enabled", false).description("Whether an Ingress routes the host to the Service.").build();
  public static final Parameter<SortedMap<String, String>> INGRESS_ANNOTATIONS =
      Parameter.stringMap("ingress.annotations", new TreeMap<>())
          .description("Annotations of the Ingress, e.g. the controller's settings.")
          .build();
  public static final Parameter<Boolean> HTTP_ROUTE_ENABLED =
      Parameter.bool("httpRoute.enabled", false)
          .description("Whether a Gateway API HTTPRoute routes the host to the Service.")
          .build();

  private Showcase() {}

  private static SecurityContext hardened() {
    return new SecurityContextBuilder()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .build();
  }

  public static Application application() {
    Image image = Image.of(EnvApp.HUB, EnvApp.IMAGE, EnvApp.TAG);
    Container smokeTest =
        Container.builder("smoke-test")
            .image(image)
            .args("--smoke-test")
            .resources(new Resources(Value.fixed("100m"), Value.fixed("64Mi"), Value.fixed("500m"), Value.fixed("128Mi")))
            .securityContext(hardened())
            .writableDirectory("/tmp")
            .build();
    Container app = EnvApp.maskingSecretEnv(
        Container.builder("app")
            .image(image)
            .port(ContainerPort.http(8080))
            .env(EnvVar.fromField("POD_NAME", "metadata.name"))
            .env(EnvVar.fromField("POD_NAMESPACE", "metadata.namespace"))
            .env(EnvVar.from("DB_PASSWORD", CREDENTIALS, "db-password"))
            .env(EnvVar.from("LICENSE_ID", CREDENTIALS, "license"))
            .envFrom(CONFIG, "CONFIG_")
            .extraEnv(ENV)
            .resources(Resources.of(EnvApp.CPU_REQUEST, MEMORY_REQUEST, EnvApp.CPU_LIMIT, MEMORY_LIMIT))
            .liveness(HttpProbe.get("/healthz", "http"))
            .readiness(new ProbeBuilder()
                .withNewHttpGet().withPath("/readyz").withPort(new IntOrString("http")).endHttpGet()
                .withPeriodSeconds(5)
                .withFailureThreshold(2)
                .build())
            // Up to 30 s to start, before the liveness probe counts.
            .startup(new ProbeBuilder()
                .withNewTcpSocket().withPort(new IntOrString("http")).endTcpSocket()
                .withPeriodSeconds(1)
                .withFailureThreshold(30)
                .build())
            // Serve on while the endpoints converge, as envapp's own drain does.
            .lifecycle(new LifecycleBuilder().withNewPreStop().withNewSleep().withSeconds(5L).endSleep().endPreStop().build())
            .securityContext(hardened())
            .writableDirectory("/tmp")
            .mountReadOnly("podinfo", "/etc/podinfo")
            .mountReadOnly("credentials", "/var/run/secrets/showcase")
            .mountReadOnly("config", "/etc/showcase")
            // One key as one file where the program expects it (a sub-path; the hash-named ConfigMap rolls the pods on change).
            .mount(new VolumeMountBuilder().withName("config").withMountPath("/opt/showcase/showcase.properties")
                .withSubPath("showcase.properties").withReadOnly(true).build())
            .mount(new VolumeMountBuilder().withName("cache").withMountPath("/var/cache/showcase").build())
            .build());

    Workload workload =
        Workload.builder()
            .replicas(Value.of(REPLICAS))
            .initContainer(smokeTest)
            .container(app)
            .podSecurityContext(
                new PodSecurityContextBuilder()
                    .withRunAsNonRoot(true)
                    .withRunAsUser(1000L)
                    .withRunAsGroup(1000L)
                    .withFsGroup(2000L)
                    .withNewSeccompProfile()
                    .withType("RuntimeDefault")
                    .endSeccompProfile()
                    .build())
            .spreadAcrossNodes()
            .terminationGracePeriodSeconds(30)
            .nodeSelector("kubernetes.io/os", "linux")
            .strategy(new DeploymentStrategyBuilder()
                .withType("RollingUpdate")
                .withNewRollingUpdate().withMaxSurge(new IntOrString(1)).withMaxUnavailable(new IntOrString(0)).endRollingUpdate()
                .build())
            .podAnnotations(POD_ANNOTATIONS)
            .podLabels(POD_LABELS)
            .volume(new VolumeBuilder().withName("podinfo")
                .withNewDownwardAPI()
                .addNewItem().withPath("labels").withNewFieldRef().withFieldPath("metadata.labels").endFieldRef().endItem()
                .endDownwardAPI()
                .build())
            .volume("credentials", CREDENTIALS, "api-token")
            .volume("config", CONFIG, "showcase.properties")
            .volume(new VolumeBuilder().withName("cache")
                .withNewEmptyDir().withMedium("Memory").withSizeLimit(new Quantity("32Mi")).endEmptyDir()
                .build())
            .build();

    return Application.builder("showcase")
        .description("envapp's binary with every workload feature of the model.")
        .chartVersion("0.1.0")
        .appVersion("v1")
        .parameters(
            EnvApp.HUB, EnvApp.IMAGE, EnvApp.TAG, ENV, REPLICAS, EnvApp.CPU_REQUEST, MEMORY_REQUEST, EnvApp.CPU_LIMIT,
            MEMORY_LIMIT, EnvApp.AUTOSCALING_ENABLED, MIN_REPLICAS, MAX_REPLICAS, TARGET_CPU, TARGET_MEMORY, EnvApp.SERVICE_PORT,
            POD_ANNOTATIONS, POD_LABELS, LABELS, SERVICE_ACCOUNT_ANNOTATIONS, GREETING, CREDENTIALS_SECRET, EXTERNAL_SECRET, SECRET_STORE)
        .workload(workload)
        .service(ServiceExposure.clusterIp(Value.of(EnvApp.SERVICE_PORT), "http"))
        .serviceAccountAnnotations(SERVICE_ACCOUNT_ANNOTATIONS)
        .labels(LABELS)
        .autoscaling(
            new Autoscaling(Value.of(EnvApp.AUTOSCALING_ENABLED), Value.of(MIN_REPLICAS), Value.of(MAX_REPLICAS), Value.of(TARGET_CPU))
                .withMemoryTarget(Value.of(TARGET_MEMORY))
                .withBehavior(new HorizontalPodAutoscalerBehaviorBuilder()
                    .withNewScaleDown()
                    .withStabilizationWindowSeconds(300)
                    .addNewPolicy().withType("Pods").withValue(1).withPeriodSeconds(60).endPolicy()
                    .endScaleDown()
                    .build())
                // Requests per second per pod, from a custom metrics adapter (Prometheus Adapter, KEDA).
                .withMetric(new MetricSpecBuilder()
                    .withType("Pods")
                    .withNewPods()
                    .withNewMetric().withName("http_requests_per_second").endMetric()
                    .withNewTarget().withType("AverageValue").withAverageValue(new Quantity("50")).endTarget()
                    .endPods()
                    .build()))
        .bound(MIN_REPLICAS, MAX_REPLICAS)
        .networkPolicy(NetworkPolicy.builder()
            .allowFrom(NetworkPeer.sameNamespace(), NetworkPeer.namespace("monitoring"),
                // Where the Ingress controller and the Gateway run; they forward the requests.
                NetworkPeer.namespace("ingress-nginx"), NetworkPeer.namespace("gateway-system"))
            .restrictEgress()
            .build())
        // For clusters with the External Secrets Operator: it creates the Secret the pods read, by the same name.
        .object("externalsecret", Value.of(EXTERNAL_SECRET), Showcase::externalSecret)
        .parameters(HOST, INGRESS_ENABLED, INGRESS_ANNOTATIONS, HTTP_ROUTE_ENABLED)
        .ingress(Ingress.builder()
            .enabled(Value.of(INGRESS_ENABLED))
            .className("nginx")
            .annotations(INGRESS_ANNOTATIONS)
            .rule(Value.of(HOST), Ingress.Path.prefix("/"))
            .tls(Value.fixed("showcase-tls"), Value.of(HOST))
            .build())
        .httpRoute(HttpRoute.builder()
            .enabled(Value.of(HTTP_ROUTE_ENABLED))
            .parentRef(HttpRoute.ParentRef.gateway("gateway-system", "public").section("https"))
            .hostname(Value.of(HOST))
            .rule(HttpRoute.Match.pathPrefix("/"))
            // The load balancer's health checks, told apart by a header, get the liveness endpoint.
            .rule(HttpRoute.Match.exact("/healthz").header("x-health-check", "lb"))
            .build())
        .environment(Environment.builder("dev")
            .namespace("showcase-dev")
            .set(EnvApp.AUTOSCALING_ENABLED, false)
            .set(INGRESS_ENABLED, true)
            .set(HOST, "showcase.dev.example.com")
            .set(INGRESS_ANNOTATIONS, new TreeMap<>(Map.of("nginx.ingress.kubernetes.io/proxy-body-size", "1m")))
            .build())
        .environment(Environment.builder("prod")
            .namespace("showcase-prod")
            .set(HTTP_ROUTE_ENABLED, true)
            .set(MAX_REPLICAS, 10)
            .set(GREETING, "hello from production")
            .set(POD_LABELS, new TreeMap<>(Map.of("team", "platform", "tier", "critical")))
            .set(LABELS, new TreeMap<>(Map.of("example.com/owner", "platform", "example.com/environment", "production")))
            .set(SERVICE_ACCOUNT_ANNOTATIONS,
                new TreeMap<>(Map.of("iam.gke.io/gcp-service-account", "showcase@example-project.iam.gserviceaccount.com")))
            .build())
        .build();
  }

  /** The credentials Secret, made by the External Secrets Operator from {@code showcase/<key>} in the store. */
  private static HasMetadata externalSecret(Bindings b) {
    List<Map<String, Object>> data = CREDENTIALS.keys().keySet().stream()
        .<Map<String, Object>>map(key -> Map.of("secretKey", key, "remoteRef", Map.of("key", "showcase/" + key)))
        .toList();
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("external-secrets.io/v1")
        .withKind("ExternalSecret")
        .withNewMetadata().withName(b.name("-credentials")).endMetadata()
        .addToAdditionalProperties("spec", Map.of(
            "refreshInterval", "1h",
            "secretStoreRef", Map.of("kind", "ClusterSecretStore", "name", b.value(Value.of(SECRET_STORE))),
            "target", Map.of("name", b.value(CREDENTIALS.name()), "creationPolicy", "Owner"),
            "data", data))
        .build();
  }
}
