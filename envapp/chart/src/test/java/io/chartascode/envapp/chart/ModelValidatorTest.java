package io.chartascode.envapp.chart;

import io.chartascode.generator.check.InvalidModelException;
import io.chartascode.generator.check.Finding;
import io.chartascode.generator.check.ModelValidator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chartascode.generator.Generator;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.Container;
import io.chartascode.generator.model.ContainerPort;
import io.chartascode.generator.model.Environment;
import io.chartascode.generator.model.HttpProbe;
import io.chartascode.generator.model.Image;
import io.chartascode.generator.model.OptOut;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Resources;
import io.chartascode.generator.model.ServiceExposure;
import io.chartascode.generator.model.Value;

import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.List;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule, with a model that breaks it (negative) and envapp, which keeps them all (positive).
 * Cases are (name, change to envapp, expected rule id, expected path, fragment of the message).
 */
class ModelValidatorTest {
  private static final Application ENVAPP = EnvApp.application();

  @Test
  void envappIsValid() {
    assertThat(ModelValidator.check(List.of(ENVAPP))).isEmpty();
  }

  static Application withContainer(UnaryOperator<Container.Builder> change) {
    Container c = change.apply(ENVAPP.workload().containers().get(0).toBuilder()).build();
    return ENVAPP.toBuilder().workload(ENVAPP.workload().toBuilder().clearContainers().container(c).build()).build();
  }

  static Application withEnvironment(Environment env) {
    return ENVAPP.toBuilder().environment(env).build();
  }

  static Stream<Arguments> invalidModels() {
    return Stream.of(
        Arguments.of("upper-case name", Application.builder("EnvApp").workload(ENVAPP.workload()).service(ENVAPP.service()).parameters(ENVAPP.parameters().toArray(Parameter<?>[]::new)).build(),
            "CAC-NAME-001", "EnvApp", "is not a DNS-1123 label"),
        Arguments.of("name too long for a release", renamed("a".repeat(54)), "CAC-NAME-001", "a".repeat(54), "has 54 characters; at most 53 fit"),
        Arguments.of("name starting with a digit", renamed("1app"), "CAC-NAME-001", "1app", "must start with a letter"),
        Arguments.of("app version that is no label value", ENVAPP.toBuilder().appVersion("v1 beta").build(),
            "CAC-NAME-001", "envapp.appVersion", "is not a valid label value"),
        Arguments.of("namespace with upper case", withEnvironment(Environment.builder("qa").namespace("QA").build()),
            "CAC-NAME-001", "envapp.environments[qa].namespace", "'QA' is not a DNS-1123 label"),
        Arguments.of("port name too long", withContainer(c -> c.clearPorts().port(ContainerPort.named("http-admin-console", Value.fixed(8080)))),
            "CAC-PORT-001", "envapp.deployment.container[app].ports[http-admin-console].name", "not an IANA service name"),
        Arguments.of("port out of range", withContainer(c -> c.clearPorts().port(ContainerPort.named("http", Value.fixed(70000)))),
            "CAC-PORT-001", "envapp.deployment.container[app].ports[http].containerPort", "port 70000 by default is outside 1–65535"),
        Arguments.of("targetPort names no container port", ENVAPP.toBuilder().service(ServiceExposure.clusterIp(Value.fixed(80), "web")).build(),
            "CAC-PORT-001", "envapp.service.targetPort", "'web' names no container port"),
        Arguments.of("probe on a missing port", withContainer(c -> c.liveness(HttpProbe.get("/healthz", "admin"))),
            "CAC-PORT-001", "envapp.deployment.container[app].livenessProbe.httpGet.port", "'admin' names no container port"),
        Arguments.of("probe with two handlers", withContainer(c -> c.readiness(new io.fabric8.kubernetes.api.model.ProbeBuilder()
                .withNewHttpGet().withPath("/").withPort(new io.fabric8.kubernetes.api.model.IntOrString("http")).endHttpGet()
                .withNewTcpSocket().withPort(new io.fabric8.kubernetes.api.model.IntOrString("http")).endTcpSocket().build())),
            "CAC-PROBE-001", "envapp.deployment.container[app].readinessProbe", "has 2 handlers; give exactly one of httpGet, tcpSocket, exec and grpc"),
        Arguments.of("liveness probe that needs two successes", withContainer(c -> c.liveness(new io.fabric8.kubernetes.api.model.ProbeBuilder()
                .withNewExec().withCommand("true").endExec().withSuccessThreshold(2).build())),
            "CAC-PROBE-001", "envapp.deployment.container[app].livenessProbe.successThreshold", "Kubernetes requires 1 for liveness and startup probes"),
        Arguments.of("preStop sleep of 0 s", withContainer(c -> c.lifecycle(new io.fabric8.kubernetes.api.model.LifecycleBuilder()
                .withNewPreStop().withNewSleep().withSeconds(0L).endSleep().endPreStop().build())),
            "CAC-PROBE-001", "envapp.deployment.container[app].lifecycle.preStop.sleep.seconds", "is 0; it must be at least 1"),
        Arguments.of("startup probe on a port number out of range", withContainer(c -> c.startup(new io.fabric8.kubernetes.api.model.ProbeBuilder()
                .withNewTcpSocket().withPort(new io.fabric8.kubernetes.api.model.IntOrString(70000)).endTcpSocket().build())),
            "CAC-PORT-001", "envapp.deployment.container[app].startupProbe.tcpSocket.port", "port 70000 is outside 1–65535"),
        Arguments.of("rollout that never progresses", ENVAPP.toBuilder().workload(ENVAPP.workload().toBuilder().strategy(
                new io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder().withNewRollingUpdate()
                    .withMaxSurge(new io.fabric8.kubernetes.api.model.IntOrString(0)).withMaxUnavailable(new io.fabric8.kubernetes.api.model.IntOrString("0%"))
                    .endRollingUpdate().build()).build()).build(),
            "CAC-POD-001", "envapp.deployment.strategy.rollingUpdate", "has maxSurge and maxUnavailable both 0, so a rollout never progresses"),
        Arguments.of("image pull secret that is no Secret name", ENVAPP.toBuilder().workload(ENVAPP.workload().toBuilder().imagePullSecret("Registry Creds").build()).build(),
            "CAC-POD-001", "envapp.deployment.pod.imagePullSecrets", "'Registry Creds' is not a Secret name"),
        Arguments.of("a variable from a field the downward API does not give", withContainer(c -> c.env(
                io.chartascode.generator.model.EnvVar.fromField("NODE", "spec.nodeSelector"))),
            "CAC-ENV-002", "envapp.deployment.container[app].env[NODE].valueFrom.fieldRef.fieldPath",
            "'spec.nodeSelector' is not a field the downward API gives as env"),
        Arguments.of("a secret mounted writable", ENVAPP.toBuilder().workload(ENVAPP.workload().toBuilder()
                .volume(new io.fabric8.kubernetes.api.model.VolumeBuilder().withName("creds").withNewSecret().withSecretName("db").endSecret().build())
                .clearContainers().container(ENVAPP.workload().containers().get(0).toBuilder()
                    .mount(new io.fabric8.kubernetes.api.model.VolumeMountBuilder().withName("creds").withMountPath("/creds").build()).build())
                .build()).build(),
            "CAC-VOL-001", "envapp.deployment.container[app].volumeMounts[/creds].readOnly",
            "mounts secret volume 'creds' writable; set readOnly: true (Container.Builder.mountReadOnly)"),
        Arguments.of("an extra pod label that is the application's own", withPodLabels("app.kubernetes.io/name", "other"),
            "CAC-POD-001", "envapp.parameters[podLabels]", "label 'app.kubernetes.io/name' by default is the application's own"),
        Arguments.of("an extra pod label value that is no label value", withPodLabels("team", "the platform team"),
            "CAC-POD-001", "envapp.parameters[podLabels]", "label 'team' by default has value 'the platform team', which is no label value"),
        Arguments.of("a mount of no volume", withContainer(c -> c.mountReadOnly("config", "/etc/envapp")),
            "CAC-VOL-001", "envapp.deployment.container[app].volumeMounts[/etc/envapp]", "mounts 'config', which is no volume of the pod"),
        Arguments.of("the node's filesystem", ENVAPP.toBuilder().workload(ENVAPP.workload().toBuilder()
                .volume(new io.fabric8.kubernetes.api.model.VolumeBuilder().withName("logs").withNewHostPath().withPath("/var/log").endHostPath().build())
                .build()).build(),
            "CAC-VOL-001", "envapp.deployment.pod.volumes[logs].hostPath", "mounts the node's own filesystem into the pod"),
        Arguments.of("an annotation key that is no qualified name", ENVAPP.toBuilder()
                .parameters(Parameter.stringMap("podAnnotations", new TreeMap<>(java.util.Map.of("not a key", "x"))).build())
                .workload(ENVAPP.workload().toBuilder().podAnnotations(
                    Parameter.stringMap("podAnnotations", new TreeMap<>(java.util.Map.of("not a key", "x"))).build()).build())
                .build(),
            "CAC-POD-001", "envapp.parameters[podAnnotations]", "annotation key 'not a key' by default is not a qualified name"),
        Arguments.of("request above limit", withEnvironment(Environment.builder("qa").set(EnvApp.CPU_REQUEST, "2").build()),
            "CAC-RES-001", "envapp.deployment.container[app].resources.requests.cpu", "request 2 exceeds limit 500m in environment qa"),
        Arguments.of("unparseable fixed quantity", withContainer(c -> c.resources(new Resources(Value.fixed("lots"), Value.fixed("64Mi"), Value.fixed("1"), Value.fixed("1Gi")))),
            "CAC-RES-001", "envapp.deployment.container[app].resources.requests.cpu", "'lots' by default is not a quantity"),
        Arguments.of("min above max", withEnvironment(Environment.builder("qa").set(EnvApp.MIN_REPLICAS, 12).build()),
            "CAC-HPA-001", "envapp.environments[qa].autoscaling.minReplicas", "autoscaling.minReplicas (12) > autoscaling.maxReplicas (10); perhaps you should raise autoscaling.maxReplicas"),
        Arguments.of("zero cpu request with a CPU target", withEnvironment(Environment.builder("qa").set(EnvApp.CPU_REQUEST, "0").build()),
            "CAC-HPA-002", "envapp.deployment.container[app].resources.requests.cpu", "needs a CPU request above 0 in environment qa"),
        Arguments.of("utilisation above 100", ENVAPP.toBuilder().autoscaling(new io.chartascode.generator.model.Autoscaling(Value.fixed(true), Value.fixed(1), Value.fixed(3), Value.fixed(150))).build(),
            "CAC-HPA-002", "envapp.autoscaling.targetCPUUtilizationPercentage", "utilisation 150% by default must be within 1–100"),
        Arguments.of("invalid env name", withContainer(c -> c.env("MY-VAR", Value.fixed("x"))),
            "CAC-ENV-002", "envapp.deployment.container[app].env[MY-VAR]", "is not a valid variable name"),
        Arguments.of("extra env repeats PROD", withEnvironment(Environment.builder("qa").set(EnvApp.ENV, new TreeMap<>(java.util.Map.of("PROD", "x"))).build()),
            "CAC-ENV-002", "envapp.deployment.container[app].env[PROD]", "repeats a variable the model sets"),
        Arguments.of("latest tag", withEnvironment(Environment.builder("qa").setUnchecked(EnvApp.TAG, "latest").build()),
            "CAC-ENV-001", "envapp.environments[qa].tag", "must not be one of [latest]"),
        Arguments.of("fixed latest tag", withContainer(c -> c.image(new Image(Value.fixed("kkrast"), Value.fixed("envapp"), Value.fixed("latest")))),
            "CAC-IMG-001", "envapp.deployment.container[app].image.tag", "tag 'latest' by default is not pinned"),
        Arguments.of("hub with a space", withContainer(c -> c.image(new Image(Value.fixed("my hub"), Value.fixed("envapp"), Value.fixed("v1")))),
            "CAC-IMG-001", "envapp.deployment.container[app].image", "'my hub/envapp' by default is not a valid image repository"),
        Arguments.of("root pod", ENVAPP.toBuilder().workload(ENVAPP.workload().toBuilder().podSecurityContext(new PodSecurityContextBuilder().withRunAsUser(0L).build()).build()).build(),
            "CAC-SEC-001", "envapp.deployment.pod.securityContext.runAsNonRoot", "set it to true, or optOut(RUN_AS_ROOT, reason)"),
        Arguments.of("writable root filesystem", withContainer(c -> c.securityContext(new SecurityContextBuilder().withAllowPrivilegeEscalation(false).withNewCapabilities().withDrop("ALL").endCapabilities().build())),
            "CAC-SEC-002", "envapp.deployment.container[app].securityContext.readOnlyRootFilesystem", "optOut(WRITABLE_ROOT_FILESYSTEM, reason)"),
        Arguments.of("capabilities kept", withContainer(c -> c.securityContext(new SecurityContextBuilder().withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false).build())),
            "CAC-SEC-003", "envapp.deployment.container[app].securityContext.capabilities.drop", "must contain ALL"),
        Arguments.of("no container security context: a finding, not a NullPointerException", withContainer(b -> b.securityContext(null)),
            "CAC-SEC-002", "envapp.deployment.container[app].securityContext.readOnlyRootFilesystem", "is null; set it to true"),
        Arguments.of("no pod security context", ENVAPP.toBuilder().workload(ENVAPP.workload().toBuilder().podSecurityContext(null).build()).build(),
            "CAC-SEC-001", "envapp.deployment.pod.securityContext.runAsNonRoot", "is null; set it to true"),
        Arguments.of("unknown parameter in an environment", withEnvironment(Environment.builder("qa").set(Parameter.integer("replicas", 2).build(), 2).build()),
            "CAC-ENV-001", "envapp.environments[qa].replicas", "overrides unknown parameter 'replicas'"),
        Arguments.of("wrong type in an environment", withEnvironment(Environment.builder("qa").setUnchecked(EnvApp.PROD, "yes").build()),
            "CAC-ENV-001", "envapp.environments[qa].prod", "value \"yes\" must be a boolean but is String"),
        Arguments.of("undeclared parameter", ENVAPP.toBuilder().service(ServiceExposure.clusterIp(Value.of(Parameter.integer("svc.port", 80).build()), "http")).build(),
            "CAC-PARAM-002", "envapp.parameters", "'svc.port' is used by the model but not declared"),
        Arguments.of("a parameter named like the chart's test image", ENVAPP.toBuilder().parameters(Parameter.string("tests.image", "x:1").build()).build(),
            "CAC-PARAM-002", "envapp.parameters[tests.image]", "'tests.image' is the chart's own value; rename the application's parameter"),
        Arguments.of("a parameter that would make the chart's tests group a value", ENVAPP.toBuilder().parameters(Parameter.bool("tests", true).build()).build(),
            "CAC-PARAM-002", "envapp.parameters[tests]", "'tests.image' is the chart's own value; rename the application's parameter"),
        Arguments.of("default breaks its own pattern", withParameters(Parameter.string("hub", "Not A Hub").pattern("^[a-z]+$").build()),
            "CAC-PARAM-001", "envapp.parameters[hub].default", "default \"Not A Hub\" must match ^[a-z]+$"),
        Arguments.of("a description that cannot be a values.yaml comment", withParameters(Parameter.string("hub", "kkrast").description("line one\nline two").build()),
            "CAC-PARAM-001", "envapp.parameters[hub].description", "has a line break or a control character"),
        Arguments.of("a C1 control in a default that Helm 3 cannot read back", withParameters(Parameter.string("hub", "kk\u0085rast\u0080").build()),
            "CAC-PARAM-001", "envapp.parameters[hub].default", "contains U+0080, which Helm 3 cannot read back from a values file"),
        Arguments.of("U+FFFF in an environment's extra env", withEnvironment(Environment.builder("qa").set(EnvApp.ENV, new TreeMap<>(java.util.Map.of("A", "x\uFFFF"))).build()),
            "CAC-ENV-001", "envapp.environments[qa].env", "value of 'A' contains U+FFFF, which Helm 3 cannot read back"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidModels")
  void reportsTheRuleThePathAndTheFix(String name, Application app, String ruleId, String path, String message) {
    List<Finding> findings = ModelValidator.check(List.of(app));
    assertThat(findings)
        .as("findings for %s", name)
        .anySatisfy(f -> {
          assertThat(f.ruleId()).isEqualTo(ruleId);
          assertThat(f.path()).isEqualTo(path);
          assertThat(f.message()).contains(message);
        });
  }

  @Test
  void optOutsAreExplicitAndNamed() {
    Application rooted =
        ENVAPP.toBuilder()
            .workload(ENVAPP.workload().toBuilder().podSecurityContext(new PodSecurityContextBuilder().withRunAsNonRoot(false).build()).build())
            .optOut(OptOut.RUN_AS_ROOT, "legacy image runs as root until v2")
            .build();
    assertThat(ModelValidator.check(List.of(rooted))).isEmpty();
    assertThatThrownBy(() -> ENVAPP.toBuilder().optOut(OptOut.RUN_AS_ROOT, " "))
        .hasMessageContaining("needs a reason");
  }

  @Test
  void reportsEveryProblemAtOnceBeforeRenderingAnything() {
    Application bad =
        withEnvironment(
            Environment.builder("qa")
                .namespace("Bad_NS")
                .set(EnvApp.MIN_REPLICAS, 20)
                .setUnchecked(EnvApp.TAG, 1.10)
                .build());
    assertThatThrownBy(() -> Generator.render(List.of(bad)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageStartingWith("3 problems in the model; nothing was written:")
        .hasMessageContaining("[CAC-NAME-001] envapp.environments[qa].namespace")
        .hasMessageContaining("[CAC-ENV-001] envapp.environments[qa].tag: value 1.1 (Double) must be a string")
        .hasMessageContaining("[CAC-HPA-001] envapp.environments[qa].autoscaling.minReplicas");
  }

  @Test
  void findingsOfSeveralApplicationsComeInTheirOrderThoughTheyAreCheckedSideBySide() {
    List<Application> apps = List.of(
        renamed("first").toBuilder().appVersion("v1 beta").build(),
        renamed("valid"),
        renamed("first"),
        renamed("last").toBuilder().appVersion("v2 beta").build());
    assertThat(ModelValidator.check(apps))
        .extracting(Finding::ruleId, Finding::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CAC-NAME-001", "first.appVersion"),
            org.assertj.core.groups.Tuple.tuple("CAC-NAME-001", "first"),
            org.assertj.core.groups.Tuple.tuple("CAC-NAME-001", "last.appVersion"));
  }

  private static Application withPodLabels(String key, String value) {
    Parameter<java.util.SortedMap<String, String>> labels =
        Parameter.stringMap("podLabels", new java.util.TreeMap<>(java.util.Map.of(key, value))).build();
    return ENVAPP.toBuilder().parameters(labels).workload(ENVAPP.workload().toBuilder().podLabels(labels).build()).build();
  }

  private static Application renamed(String name) {
    Application.Builder b = Application.builder(name).workload(ENVAPP.workload()).service(ENVAPP.service())
        .parameters(ENVAPP.parameters().toArray(Parameter<?>[]::new));
    ENVAPP.autoscaling().ifPresent(b::autoscaling);
    return b.build();
  }

  private static Application withParameters(Parameter<?> replacement) {
    Parameter<?>[] params = ENVAPP.parameters().stream()
        .map(p -> p.name().equals(replacement.name()) ? replacement : p).toArray(Parameter<?>[]::new);
    Application.Builder b = Application.builder("envapp").workload(ENVAPP.workload()).service(ENVAPP.service()).parameters(params);
    ENVAPP.autoscaling().ifPresent(b::autoscaling);
    return b.build();
  }
}
