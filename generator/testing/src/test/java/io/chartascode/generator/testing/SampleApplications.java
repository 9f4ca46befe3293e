package io.chartascode.generator.testing;

import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Autoscaling;
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
import io.chartascode.generator.model.OptOut;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Patterns;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.SecretReference;
import io.chartascode.generator.model.ServiceExposure;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.model.TopologySpread;
import io.chartascode.generator.model.Workload;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LifecycleBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehaviorBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Valid applications other than envapp: a fixed-shape one for focused tests, and random ones
 * from a seed for property tests. Each differs in names, ports, env, resources, bounds and
 * environments.
 */
public final class SampleApplications {
  private static final String[] CPU = {"50m", "100m", "250m", "1", "2", "0.5"};
  private static final String[] MEMORY = {"32Mi", "64Mi", "128Mi", "1Gi", "256M", "512Mi"};
  private static final String[] ENV_VALUES = {"true", "1.10", "", "yes", "a: b", "plain", "#hash", "x\ny", "ünïcode", "8080"};

  private SampleApplications() {}

  /** A random valid application; the same seed always gives the same model. */
  public static Application random(long seed) {
    Random r = new Random(seed);
    String name = pick(r, "web", "api", "shop-cart", "a1", "billing-svc") + "-" + r.nextInt(1000);
    int min = 1 + r.nextInt(4);
    int max = min + r.nextInt(6);
    var hub = Parameter.string("hub", pick(r, "ghcr.io/acme", "docker.io/team", "localhost:5000/dev")).pattern(Patterns.HUB).build();
    var image = Parameter.string("image", name).pattern(Patterns.IMAGE_NAME).build();
    var tag = Parameter.string("tag", pick(r, "1.10", "v2", "2024.01.01", "sha-abc")).pattern(Patterns.TAG).build();
    var flag = Parameter.bool("feature.enabled", r.nextBoolean()).build();
    var env = Parameter.stringMap("env", randomEnv(r)).pattern(Patterns.ENV_NAME).build();
    var cpuReq = Parameter.cpu("resources.requests.cpu", CPU[r.nextInt(3)]).build();
    var memReq = Parameter.memory("resources.requests.memory", MEMORY[r.nextInt(3)]).build();
    var cpuLim = Parameter.cpu("resources.limits.cpu", CPU[3 + r.nextInt(3)]).build();
    var memLim = Parameter.memory("resources.limits.memory", MEMORY[3 + r.nextInt(3)]).build();
    // Mostly on by default, and off in some environments; sometimes the other way round.
    boolean scaledByDefault = r.nextInt(3) != 0;
    var scale = Parameter.bool("autoscaling.enabled", scaledByDefault).build();
    var minP = Parameter.integer("autoscaling.minReplicas", min).minimum(1).build();
    var maxP = Parameter.integer("autoscaling.maxReplicas", max).minimum(1).build();
    var cpuTarget = Parameter.integer("autoscaling.targetCPUUtilizationPercentage", 10 + r.nextInt(90)).minimum(1).maximum(100).build();
    var replicas = Parameter.integer("replicaCount", 1 + r.nextInt(5)).minimum(1).build();
    var port = Parameter.integer("service.port", pick(r, 80, 8080, 443, 9000)).minimum(1).maximum(65535).build();
    String portName = pick(r, "http", "web", "api-port");
    // The exposure draws from its own generator, so the draws of r (and the seeds other tests pick) stay
    // as they were; the seed is spread first, as Random's first draws for adjacent seeds are alike.
    Random x = new Random(seed * 0x9E3779B97F4A7C15L);
    Exposure exposure = new Exposure(name, x);

    Container.Builder main =
        Container.builder(pick(r, "app", "main", "server"))
            .image(Image.of(hub, image, tag))
            .port(ContainerPort.named(portName, Value.fixed(1024 + r.nextInt(50000))));
    // Sometimes only the user's extra env, so the env field exists only when that map is not empty.
    if (r.nextInt(3) != 0) {
      main.env("FEATURE", Value.asText(flag)).env("REPLICAS_HINT", Value.asText(replicas));
    }
    Container container =
        main.extraEnv(env)
            .resources(Resources.of(cpuReq, memReq, cpuLim, memLim))
            .readiness(HttpProbe.get("/ready", portName))
            .securityContext(new SecurityContextBuilder().withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities().build())
            .writableDirectory("/tmp")
            .build();
    Workload.Builder workload =
        Workload.builder()
            .replicas(Value.of(replicas))
            .container(container)
            .podSecurityContext(new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(1000L + r.nextInt(5000)).build())
            ;
    if (r.nextBoolean()) {
      workload.spreadAcrossNodes();
    }
    if (r.nextBoolean()) {
      workload.topologySpread(new TopologySpread("topology.kubernetes.io/zone", 1 + r.nextInt(3), "DoNotSchedule"));
    }
    if (r.nextInt(3) == 0) {
      workload.container(
          Container.builder("sidecar")
              .image(new Image(Value.fixed("docker.io/library"), Value.fixed("busybox"), Value.fixed("1.37.0")))
              .port(ContainerPort.named("metrics", Value.fixed(9090)))
              .env("ROLE", Value.fixed("sidecar"))
              .resources(new Resources(Value.fixed("10m"), Value.fixed("16Mi"), Value.fixed("50m"), Value.fixed("32Mi")))
              .securityContext(new SecurityContextBuilder().withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
                  .withNewCapabilities().withDrop("ALL").endCapabilities().build())
              .writableDirectory("/tmp")
              .build());
    }
    Application.Builder app =
        Application.builder(name)
            .appVersion(pick(r, "1.0.0", "v3", "2.1"))
            .parameters(hub, image, tag, flag, env, cpuReq, memReq, cpuLim, memLim, scale, minP, maxP, cpuTarget, replicas, port)
            .workload(workload.build())
            .service(ServiceExposure.clusterIp(Value.of(port), portName))
            .autoscaling(new Autoscaling(Value.of(scale), Value.of(minP), Value.of(maxP), Value.of(cpuTarget)))
            .bound(minP, maxP);
    int environments = 1 + r.nextInt(3);
    for (int i = 0; i < environments; i++) {
      String envName = List.of("dev", "staging", "prod", "qa", "perf").get((i + r.nextInt(2)) % 5) + i;
      Environment.Builder e = Environment.builder(envName).namespace(name + "-" + envName);
      if (r.nextBoolean()) {
        e.set(flag, r.nextBoolean());
      }
      if (r.nextBoolean()) {
        e.set(tag, pick(r, "1.11", "v9", "rc-1"));
      }
      if (r.nextBoolean()) {
        e.set(hub, "registry.example.com/" + envName);
      }
      if (r.nextBoolean()) {
        e.set(env, randomEnv(r));
      }
      if (r.nextBoolean()) {
        e.set(maxP, max + 1 + r.nextInt(5));
      }
      if (r.nextBoolean()) {
        e.set(cpuLim, CPU[3 + r.nextInt(3)]);
      }
      if (r.nextBoolean()) {
        e.set(port, pick(r, 81, 8081));
      }
      if (scaledByDefault && r.nextInt(4) == 0) {
        e.set(scale, false);
        e.set(replicas, 1 + r.nextInt(9));
      } else if (!scaledByDefault && r.nextBoolean()) {
        e.set(scale, true);
      }
      exposure.environment(e, envName, i == 0, x);
      app.environment(e.build());
    }
    exposure.addTo(app, portName, x);
    // Drawn last, so the draws above (and the seeds other tests pick) stay as they were.
    switch (r.nextInt(4)) {
      case 0 -> app.optOut(OptOut.NO_NETWORK_POLICY, "a random model without one");
      case 1 -> { } // NetworkPolicy.DEFAULT
      default -> app.networkPolicy(randomNetworkPolicy(r));
    }
    Application built = app.build();
    built = r.nextBoolean() ? withPodSettings(built, r) : built;
    return r.nextInt(3) == 0 ? built : withConfiguration(built, r);
  }

  /** Keys that sort apart in Java and Go, and text that JSON, YAML and Go templates each treat specially. */
  private static final String[] CONFIG_KEYS = {"A", "_b", "a.b", "a-b", "z9", "application.properties", "Zeta", "é"};
  private static final String[] CONFIG_VALUES = {
    "", "plain", "yes", "1.10", "<b>&amp;</b>", "multi\nline\n", "trailing space ", "{{ .Values.x }}", "\"quoted\"",
    "tab\there", "ünïcode 日本 😀", "\u2028line\u2029sep", "key=value=more", "#not a comment", "crlf\r\nline"};

  /**
   * A configuration read as env, envFrom and a volume, one of whose keys is a parameter that some
   * environments change, and a Secret read the same three ways.
   */
  private static Application withConfiguration(Application app, Random r) {
    var greeting = Parameter.string("config.greeting", pick(r, CONFIG_VALUES)).build();
    Configuration.Builder config = Configuration.builder(pick(r, "config", "settings", "app-env")).value("greeting", Value.of(greeting));
    List<String> keys = new java.util.ArrayList<>();
    for (int i = 1 + r.nextInt(4); i > 0; i--) {
      String key = pick(r, CONFIG_KEYS);
      if (!key.equals("é") && !keys.contains(key)) {
        keys.add(key);
        config.literal(key, pick(r, CONFIG_VALUES));
      }
    }
    Configuration configuration = config.build();
    SecretReference secret = SecretReference.builder(pick(r, "db", "api-credentials")).key("password", "a password").build();
    Container main = app.workload().containers().get(0).toBuilder()
        .env(EnvVar.from("GREETING", configuration, "greeting"))
        .env(EnvVar.from("PASSWORD", secret, "password"))
        .envFrom(configuration, r.nextBoolean() ? "" : "CFG_")
        .envFrom(secret, "SECRET_")
        .mountReadOnly("settings", "/etc/settings")
        .mountReadOnly("secrets", "/etc/secrets")
        .build();
    List<Container> containers = new java.util.ArrayList<>(app.workload().containers());
    containers.set(0, main);
    var podLabels = Parameter.stringMap("podLabels", new java.util.TreeMap<>(Map.of("team", pick(r, "payments", "search"))))
        .pattern(Patterns.LABEL_KEY).build();
    Workload.Builder workload = app.workload().toBuilder().clearContainers()
        .volume("settings", configuration, r.nextBoolean() ? new String[] {"greeting"} : new String[0])
        .volume("secrets", secret, "password")
        .podLabels(podLabels);
    containers.forEach(workload::container);
    var labels = Parameter.stringMap("labels", new java.util.TreeMap<>(Map.of("example.com/owner", pick(r, "team-a", "team-b"))))
        .pattern(Patterns.LABEL_KEY).build();
    Application.Builder changed = app.toBuilder().parameters(greeting, podLabels, labels).labels(labels)
        .workload(workload.build()).clearEnvironments();
    for (Environment env : app.environments()) {
      Environment.Builder copy = Environment.builder(env.name());
      env.namespace().ifPresent(copy::namespace);
      env.overrides().forEach(copy::setUnchecked);
      if (r.nextBoolean()) {
        copy.set(greeting, pick(r, CONFIG_VALUES));
      }
      if (r.nextBoolean()) {
        copy.set(podLabels, new java.util.TreeMap<>(Map.of("tier", pick(r, "critical", "batch"), "example.com/cost-centre", "42")));
      }
      if (r.nextBoolean()) {
        copy.set(labels, new java.util.TreeMap<>(Map.of("example.com/owner", "team-c", "environment", env.name())));
      }
      changed.environment(copy.build());
    }
    return changed.build();
  }

  /** Probes of every kind with timings, a preStop hook, arguments, and the pod's scheduling settings. */
  private static Application withPodSettings(Application app, Random r) {
    Container main = app.workload().containers().get(0);
    String port = main.ports().get(0).name();
    Container.Builder container = main.toBuilder()
        .readiness(new ProbeBuilder().withNewHttpGet().withPath("/ready").withPort(new IntOrString(port)).endHttpGet()
            .withPeriodSeconds(1 + r.nextInt(10)).withFailureThreshold(1 + r.nextInt(5)).build())
        .startup(new ProbeBuilder().withNewTcpSocket().withPort(new IntOrString(port)).endTcpSocket()
            .withFailureThreshold(10 + r.nextInt(30)).build())
        .lifecycle(new LifecycleBuilder().withNewPreStop().withNewSleep().withSeconds(1L + r.nextInt(10)).endSleep().endPreStop().build());
    if (r.nextBoolean()) {
      container.liveness(new ProbeBuilder().withNewExec().withCommand("/bin/healthcheck", "--quick").endExec()
          .withTimeoutSeconds(1 + r.nextInt(3)).build());
    }
    boolean volumes = r.nextBoolean();
    if (volumes) {
      container.mountReadOnly("config", "/etc/app").mount(new VolumeMountBuilder().withName("scratch").withMountPath("/var/scratch").build());
    }
    if (r.nextBoolean()) {
      container.env(EnvVar.fromField("POD_NAME", "metadata.name"))
          .env(EnvVar.fromField("POD_LABEL_NAME", "metadata.labels['app.kubernetes.io/name']"));
    }
    if (r.nextBoolean()) {
      container.command("/app/server").args("--port-name", port, "yes", "1.10");
    }
    List<Container> containers = new java.util.ArrayList<>(app.workload().containers());
    containers.set(0, container.build());
    Workload.Builder workload = app.workload().toBuilder().clearContainers()
        .terminationGracePeriodSeconds(r.nextInt(120))
        .nodeSelector("kubernetes.io/os", "linux")
        .imagePullSecret(pick(r, "ghcr-pull", "registry-credentials"))
        .priorityClassName(pick(r, "high", "batch-low"))
        .strategy(new DeploymentStrategyBuilder().withNewRollingUpdate().withMaxSurge(r.nextBoolean() ? new IntOrString("25%") : new IntOrString(1))
            .withMaxUnavailable(new IntOrString(0)).endRollingUpdate().build());
    containers.forEach(workload::container);
    if (volumes) {
      workload.volume(new VolumeBuilder().withName("config").withNewConfigMap().withName("app-config").endConfigMap().build())
          .volume(new VolumeBuilder().withName("scratch").withNewEmptyDir().withMedium("Memory")
              .withSizeLimit(new Quantity((1 + r.nextInt(512)) + "Mi")).endEmptyDir().build());
    }
    if (r.nextBoolean()) {
      workload.initContainer(Container.builder("migrate")
          .image(new Image(Value.fixed("ghcr.io/acme"), Value.fixed("migrations"), Value.fixed("v" + r.nextInt(50))))
          .args("up", "--timeout=" + r.nextInt(300) + "s")
          .resources(new Resources(Value.fixed("50m"), Value.fixed("32Mi"), Value.fixed("200m"), Value.fixed("64Mi")))
          .securityContext(new SecurityContextBuilder().withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
              .withNewCapabilities().withDrop("ALL").endCapabilities().build())
          .writableDirectory("/tmp")
          .build());
    }
    Autoscaling hpa = app.autoscaling().orElseThrow()
        .withMemoryTarget(Value.fixed(50 + r.nextInt(50)))
        .withBehavior(new HorizontalPodAutoscalerBehaviorBuilder().withNewScaleDown()
            .withStabilizationWindowSeconds(r.nextInt(600)).endScaleDown().build());
    var podAnnotations = Parameter.stringMap("podAnnotations",
        r.nextBoolean() ? new TreeMap<>() : new TreeMap<>(Map.of("prometheus.io/scrape", "true", "example.com/yes", "yes"))).build();
    workload.podAnnotations(podAnnotations);
    Application.Builder changed = app.toBuilder().parameters(podAnnotations).workload(workload.build()).autoscaling(hpa);
    if (containers.size() > 1) {
      changed.service(app.service().withPort(Value.fixed(9090), "metrics"));
    }
    return changed.build();
  }

  /**
   * An Ingress, an HTTPRoute, both or neither, each on or off by default and switched in some
   * environments, at hosts of their own per environment (distinct, so that both on never claim the
   * same requests), with annotations whose values YAML could mistake for other types.
   */
  private static final class Exposure {
    final Parameter<Boolean> ingressOn;
    final Parameter<String> ingressHost;
    final Parameter<SortedMap<String, String>> annotations;
    final Parameter<Boolean> routeOn;
    final Parameter<String> routeHost;
    final boolean ingress;
    final boolean route;
    final String name;

    Exposure(String name, Random x) {
      this.name = name;
      int kind = x.nextInt(4);
      ingress = kind == 1 || kind == 3;
      route = kind == 2 || kind == 3;
      ingressOn = Parameter.bool("ingress.enabled", x.nextBoolean()).build();
      ingressHost = Parameter.string("ingress.host", name + ".example.com").pattern(Patterns.HOSTNAME).build();
      annotations = Parameter.stringMap("ingress.annotations", annotations(x)).build();
      routeOn = Parameter.bool("httpRoute.enabled", x.nextBoolean()).build();
      routeHost = Parameter.string("httpRoute.hostname", name + ".example.net").pattern(Patterns.HOSTNAME).build();
    }

    private static SortedMap<String, String> annotations(Random x) {
      SortedMap<String, String> map = new TreeMap<>();
      for (int i = x.nextInt(3); i > 0; i--) {
        map.put(pick(x, "nginx.ingress.kubernetes.io/ssl-redirect", "example.com/team", "owner"), ENV_VALUES[x.nextInt(ENV_VALUES.length)]);
      }
      return map;
    }

    /**
     * Overrides of the parameters the drawn objects read, the same draws whichever they are; the
     * first environment turns each object the other way than by default, so every model switches.
     */
    void environment(Environment.Builder e, String envName, boolean first, Random x) {
      boolean switched = first || x.nextBoolean();
      boolean ingressOnThere = first ? !ingressOn.defaultValue() : x.nextBoolean();
      boolean routeOnThere = first ? !routeOn.defaultValue() : x.nextBoolean();
      boolean ownHosts = x.nextBoolean();
      SortedMap<String, String> own = x.nextBoolean() ? annotations(x) : null;
      if (ingress) {
        if (switched) {
          e.set(ingressOn, ingressOnThere);
        }
        if (ownHosts) {
          e.set(ingressHost, name + "." + envName + ".example.com");
        }
        if (own != null) {
          e.set(annotations, own);
        }
      }
      if (route) {
        if (switched) {
          e.set(routeOn, routeOnThere);
        }
        if (ownHosts) {
          e.set(routeHost, name + "." + envName + ".example.net");
        }
      }
    }

    void addTo(Application.Builder app, String portName, Random x) {
      if (ingress) {
        Ingress.Builder builder = Ingress.builder()
            .enabled(Value.of(ingressOn))
            .annotations(annotations)
            .rule(Value.of(ingressHost), Ingress.Path.prefix("/"), Ingress.Path.exact("/healthz").to(portName))
            .rule(Value.fixed("*." + name + ".example.org"), Ingress.Path.prefix("/static"));
        if (x.nextBoolean()) {
          builder.className(pick(x, "nginx", "traefik"));
        }
        if (x.nextBoolean()) {
          builder.tls(Value.fixed(name + "-tls"), Value.of(ingressHost));
        }
        app.parameters(ingressOn, ingressHost, annotations).ingress(builder.build());
      }
      if (route) {
        HttpRoute.ParentRef gateway = x.nextBoolean() ? HttpRoute.ParentRef.gateway("public")
            : HttpRoute.ParentRef.gateway("gateway-system", "shared").section("https");
        app.parameters(routeOn, routeHost).httpRoute(HttpRoute.builder()
            .enabled(Value.of(routeOn))
            .parentRef(gateway)
            .hostname(Value.of(routeHost))
            .rule(HttpRoute.Match.pathPrefix("/"))
            .rule(HttpRoute.Rule.matching(HttpRoute.Match.exact("/healthz").header(new HttpRoute.HeaderMatch(
                HttpRoute.HeaderMatchType.REGULAR_EXPRESSION, "user-agent", Value.fixed("^kube-probe/.*")))).to(portName))
            .build());
      }
    }
  }

  private static NetworkPolicy randomNetworkPolicy(Random r) {
    List<NetworkPeer> peers = List.of(
        NetworkPeer.sameNamespace(),
        NetworkPeer.namespace("ingress-nginx"),
        NetworkPeer.pods(Map.of("app.kubernetes.io/name", "frontend")),
        NetworkPeer.pods("monitoring", Map.of("app", "prometheus", "team", "obs")),
        NetworkPeer.cidr("10.0.0.0/8"));
    NetworkPolicy.Builder policy = NetworkPolicy.builder();
    for (NetworkPeer peer : peers) {
      if (r.nextBoolean()) {
        policy.allowFrom(peer);
      }
    }
    switch (r.nextInt(3)) {
      case 0 -> { } // egress unrestricted
      case 1 -> policy.restrictEgress();
      default -> {
        policy.allowEgressTo(NetworkPeer.pods("payments", Map.of("app.kubernetes.io/name", "payments")), 8443);
        policy.allowEgressTo(NetworkPeer.cidr("203.0.113.0/24"), 443, 80);
        if (r.nextBoolean()) {
          policy.allowEgressTo(NetworkPeer.namespace("kafka"));
        }
      }
    }
    return policy.build();
  }

  /**
   * The first environment that turns the autoscaler {@code on} where it is off by default, or
   * off where it is on by default ({@code on} false).
   */
  public static Optional<Environment> switchesAutoscaling(Application app, boolean on) {
    var enabled = app.autoscaling().orElseThrow().enabled();
    if (enabled.evaluate(app.defaults()) == on) {
      return Optional.empty();
    }
    return app.environments().stream().filter(env -> enabled.evaluate(app.valuesFor(env)) == on).findFirst();
  }

  private static SortedMap<String, String> randomEnv(Random r) {
    SortedMap<String, String> env = new TreeMap<>();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      env.put(pick(r, "LOG_LEVEL", "A", "ZED", "_UNDER", "MiXed", "DB_URL") + i, ENV_VALUES[r.nextInt(ENV_VALUES.length)]);
    }
    return env;
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... options) {
    return options[r.nextInt(options.length)];
  }
}
