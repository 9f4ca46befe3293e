package io.chartascode.envapp.chart;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Autoscaling;
import io.chartascode.generator.model.ChartChange;
import io.chartascode.generator.model.ChartMetadata;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.ContainerPort;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.ArgoCd;
import io.chartascode.generator.model.GitRepository;
import io.chartascode.generator.model.HttpProbe;
import io.chartascode.generator.model.Image;
import io.chartascode.generator.model.Maintainer;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Patterns;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.ServiceExposure;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.model.Workload;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** envapp: a small HTTP service that prints its environment as JSON. */
public final class EnvApp {
  public static final Parameter<String> HUB =
      Parameter.string("hub", "kkrast")
          .description("Registry and namespace of the image, e.g. docker.io/kkrast.")
          .pattern(Patterns.HUB)
          .build();
  public static final Parameter<String> IMAGE =
      Parameter.string("image", "envapp")
          .description("Image name inside the hub.")
          .pattern(Patterns.IMAGE_NAME)
          .build();
  public static final Parameter<String> TAG =
      Parameter.string("tag", "v1")
          .description("Image tag. Always a string: 1.10 must be written \"1.10\". Never latest.")
          .pattern(Patterns.TAG)
          .forbiddenValues("latest")
          .build();
  public static final Parameter<String> PULL_POLICY =
      Parameter.string("pullPolicy", "IfNotPresent")
          .description("Image pull policy.")
          .allowedValues("Always", "IfNotPresent", "Never")
          .build();
  public static final Parameter<Boolean> PROD =
      Parameter.bool("prod", false)
          .description("Whether this is production; the container sees it as PROD=\"true\"/\"false\".")
          .build();
  public static final Parameter<SortedMap<String, String>> ENV =
      Parameter.stringMap("env", new TreeMap<>())
          .description("Extra environment variables, name to value. Values must be strings.")
          .pattern(Patterns.ENV_NAME)
          .build();
  public static final Parameter<Integer> REPLICAS =
      Parameter.integer("replicaCount", 3)
          .description("Replicas while autoscaling is disabled.")
          .minimum(1)
          .build();
  public static final Parameter<String> CPU_REQUEST =
      Parameter.cpu("resources.requests.cpu", "100m").description("CPU request.").build();
  public static final Parameter<String> MEMORY_REQUEST =
      Parameter.memory("resources.requests.memory", "64Mi").description("Memory request.").build();
  public static final Parameter<String> CPU_LIMIT =
      Parameter.cpu("resources.limits.cpu", "500m").description("CPU limit.").build();
  public static final Parameter<String> MEMORY_LIMIT =
      Parameter.memory("resources.limits.memory", "128Mi").description("Memory limit.").build();
  public static final Parameter<Boolean> AUTOSCALING_ENABLED =
      Parameter.bool("autoscaling.enabled", true)
          .description("Whether a HorizontalPodAutoscaler manages the replicas.")
          .build();
  public static final Parameter<Integer> MIN_REPLICAS =
      Parameter.integer("autoscaling.minReplicas", 3)
          .description("Lower bound for the autoscaler; at most maxReplicas.")
          .minimum(1)
          .build();
  public static final Parameter<Integer> MAX_REPLICAS =
      Parameter.integer("autoscaling.maxReplicas", 10)
          .description("Upper bound for the autoscaler.")
          .minimum(1)
          .build();
  public static final Parameter<Integer> TARGET_CPU =
      Parameter.integer("autoscaling.targetCPUUtilizationPercentage", 80)
          .description("Average CPU utilisation, in percent of the request, that the autoscaler aims for.")
          .minimum(1)
          .maximum(100)
          .build();
  public static final Parameter<Integer> SERVICE_PORT =
      Parameter.integer("service.port", 80)
          .description("Port of the ClusterIP Service.")
          .minimum(1)
          .maximum(65535)
          .build();

  private EnvApp() {}

  public static Application application() {
    Container container =
        Container.builder("app")
            .image(Image.of(HUB, IMAGE, TAG))
            .pullPolicy(Value.of(PULL_POLICY))
            .port(ContainerPort.http(8080))
            .env("PROD", Value.asText(PROD))
            .extraEnv(ENV)
            .resources(Resources.of(CPU_REQUEST, MEMORY_REQUEST, CPU_LIMIT, MEMORY_LIMIT))
            .liveness(HttpProbe.get("/healthz", "http"))
            .readiness(HttpProbe.get("/readyz", "http"))
            .securityContext(
                new SecurityContextBuilder()
                    .withAllowPrivilegeEscalation(false)
                    .withReadOnlyRootFilesystem(true)
                    .withNewCapabilities()
                    .withDrop("ALL")
                    .endCapabilities()
                    .build())
            // The JVM needs a writable /tmp under a read-only root filesystem.
            .writableDirectory("/tmp")
            .build();

    Workload workload =
        Workload.builder()
            .replicas(Value.of(REPLICAS))
            .container(container)
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
            .toleration(
                new TolerationBuilder()
                    .withKey("node-role.kubernetes.io/control-plane")
                    .withOperator("Exists")
                    .withEffect("NoSchedule")
                    .build())
            .spreadAcrossNodes()
            .build();

    return Application.builder("envapp")
        .description("Prints its environment as JSON.")
        .chartVersion("0.2.0")
        .appVersion("v1")
        .parameters(
            HUB, IMAGE, TAG, PULL_POLICY, PROD, ENV, REPLICAS,
            CPU_REQUEST, MEMORY_REQUEST, CPU_LIMIT, MEMORY_LIMIT,
            AUTOSCALING_ENABLED, MIN_REPLICAS, MAX_REPLICAS, TARGET_CPU, SERVICE_PORT)
        .workload(workload)
        .service(ServiceExposure.clusterIp(Value.of(SERVICE_PORT), "http"))
        .autoscaling(
            new Autoscaling(
                Value.of(AUTOSCALING_ENABLED),
                Value.of(MIN_REPLICAS),
                Value.of(MAX_REPLICAS),
                Value.of(TARGET_CPU)))
        .bound(MIN_REPLICAS, MAX_REPLICAS)
        .argoCd(ArgoCd.builder(new GitRepository("https://github.com/chart-as-code/chart-as-code.git", "main", "generated"))
            .automatedSync()
            .createNamespace()
            .build())
        .chartMetadata(ChartMetadata.builder()
            .home("https://github.com/chart-as-code/chart-as-code")
            .source("https://github.com/chart-as-code/chart-as-code/tree/main/envapp")
            .source("https://github.com/chart-as-code/chart-as-code/tree/main/envapp/chart")
            .maintainer(Maintainer.of("chart-as-code").withUrl("https://github.com/chart-as-code"))
            .keywords("envapp", "environment", "json", "http", "chart-as-code")
            .link("Chart source (the model)", "https://github.com/chart-as-code/chart-as-code/blob/main/envapp/chart/src/main/java/io/chartascode/envapp/chart/EnvApp.java")
            .link("Generated chart", "https://github.com/chart-as-code/chart-as-code/tree/main/generated/helm/envapp")
            .change(ChartChange.added("Chart metadata for Artifact Hub: kubeVersion, home, sources, maintainers, keywords, images and links"))
            .change(ChartChange.added("Published as a reproducible archive to OCI registries (chart-as-code:package and push)"))
            .build())
        .environment(Environment.builder("dev").namespace("envapp-dev").set(PROD, false).build())
        .environment(Environment.builder("prod").namespace("envapp-prod").set(PROD, true).build())
        .build();
  }

  /**
   * {@code container} with {@code ENVAPP_SECRET_ENV} naming the variables it takes from Secrets,
   * which envapp then always masks, whatever their names or values look like. The list comes from
   * the model, so the chart and the overlays carry the same one.
   */
  public static Container maskingSecretEnv(Container container) {
    List<String> names = container.secretEnvNames();
    return names.isEmpty()
        ? container
        : container.toBuilder().env("ENVAPP_SECRET_ENV", Value.fixed(String.join(",", names))).build();
  }
}
