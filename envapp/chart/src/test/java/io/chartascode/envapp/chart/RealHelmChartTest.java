package io.chartascode.envapp.chart;

import io.chartascode.testing.Renders;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartascode.testing.Command;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.tools.Tool;
import io.chartascode.testing.tools.ToolPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed chart, rendered by real helm 3 and helm 4, carries envapp's spec field by field.
 */
class RealHelmChartTest {
  @TempDir Path tmp;

  private static final Path CHART = Path.of(System.getProperty("generated.dir", "../../generated"), "helm/envapp");

  static Stream<Tool> helms() {
    return Stream.of(Tool.HELM_3, Tool.HELM_4);
  }

  static Stream<Arguments> helmsAndValues() {
    return helms().flatMap(h -> Stream.of("values.yaml", "values-dev.yaml", "values-prod.yaml").map(v -> Arguments.of(h, v)));
  }

  @ParameterizedTest(name = "{0} lint --strict -f {1}")
  @MethodSource("helmsAndValues")
  void lintsStrictly(Tool helm, String values) {
    Command.Result lint = run(helm, "lint", "--strict", CHART.toString(), "-f", CHART.resolve(values).toString());
    assertThat(lint.stdout()).contains("1 chart(s) linted, 0 chart(s) failed");
  }

  @ParameterizedTest(name = "{0} template, prod")
  @MethodSource("helms")
  void prodRendersTheSpec(Tool helm) {
    SortedMap<String, ObjectNode> objects = template(helm, "values-prod.yaml", "envapp-prod");
    assertThat(objects.keySet())
        .containsExactly(
            "Deployment/envapp", "HorizontalPodAutoscaler/envapp", "NetworkPolicy/envapp", "PodDisruptionBudget/envapp",
            "Service/envapp", "ServiceAccount/envapp");

    JsonNode deployment = objects.get("Deployment/envapp");
    assertThat(deployment.path("apiVersion").asText()).isEqualTo("apps/v1");
    assertThat(deployment.path("metadata").path("namespace").asText()).isEqualTo("envapp-prod");
    assertThat(deployment.path("spec").has("replicas")).as("replicas is left to the HPA").isFalse();

    JsonNode pod = deployment.path("spec").path("template").path("spec");
    JsonNode container = pod.path("containers").get(0);
    assertThat(container.path("image").textValue()).isEqualTo("kkrast/envapp:v1");
    assertThat(container.path("ports").get(0).path("name").textValue()).isEqualTo("http");
    assertThat(container.path("ports").get(0).path("containerPort").isInt()).isTrue();
    assertThat(container.path("ports").get(0).path("containerPort").intValue()).isEqualTo(8080);
    assertThat(container.path("env").get(0).path("name").textValue()).isEqualTo("PROD");
    assertThat(container.path("env").get(0).path("value").isTextual()).isTrue();
    assertThat(container.path("env").get(0).path("value").textValue()).isEqualTo("true");
    assertThat(container.path("resources").path("requests").path("cpu").textValue()).isEqualTo("100m");
    assertThat(container.path("resources").path("requests").path("memory").textValue()).isEqualTo("64Mi");
    assertThat(container.path("resources").path("limits").path("cpu").textValue()).isEqualTo("500m");
    assertThat(container.path("resources").path("limits").path("memory").textValue()).isEqualTo("128Mi");
    assertThat(container.path("livenessProbe").path("httpGet").path("path").textValue()).isEqualTo("/healthz");
    assertThat(container.path("livenessProbe").path("httpGet").path("port").textValue()).isEqualTo("http");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").textValue()).isEqualTo("/readyz");
    assertThat(container.path("readinessProbe").path("httpGet").path("port").textValue()).isEqualTo("http");

    JsonNode containerSecurity = container.path("securityContext");
    assertThat(containerSecurity.path("allowPrivilegeEscalation").booleanValue()).isFalse();
    assertThat(containerSecurity.path("readOnlyRootFilesystem").booleanValue()).isTrue();
    assertThat(containerSecurity.path("capabilities").path("drop").get(0).textValue()).isEqualTo("ALL");
    assertThat(container.path("volumeMounts").get(0).path("mountPath").textValue()).isEqualTo("/tmp");
    assertThat(pod.path("volumes").get(0).has("emptyDir")).isTrue();

    JsonNode podSecurity = pod.path("securityContext");
    assertThat(podSecurity.path("runAsNonRoot").booleanValue()).isTrue();
    assertThat(podSecurity.path("runAsUser").intValue()).isEqualTo(1000);
    assertThat(podSecurity.path("runAsGroup").intValue()).isEqualTo(1000);
    assertThat(podSecurity.path("fsGroup").intValue()).isEqualTo(2000);
    assertThat(podSecurity.path("seccompProfile").path("type").textValue()).isEqualTo("RuntimeDefault");
    assertThat(pod.path("automountServiceAccountToken").booleanValue()).isFalse();
    assertThat(pod.path("enableServiceLinks").booleanValue()).isFalse();
    assertThat(pod.path("serviceAccountName").textValue()).isEqualTo("envapp");

    JsonNode antiAffinity =
        pod.path("affinity").path("podAntiAffinity").path("preferredDuringSchedulingIgnoredDuringExecution").get(0);
    assertThat(antiAffinity.path("podAffinityTerm").path("topologyKey").textValue()).isEqualTo("kubernetes.io/hostname");
    assertThat(antiAffinity.path("podAffinityTerm").path("labelSelector").path("matchLabels").path("app.kubernetes.io/name").textValue())
        .isEqualTo("envapp");
    assertThat(pod.path("affinity").path("podAntiAffinity").has("requiredDuringSchedulingIgnoredDuringExecution"))
        .as("required anti-affinity would cap the pods at the node count").isFalse();
    JsonNode spread = pod.path("topologySpreadConstraints").get(0);
    assertThat(spread.path("topologyKey").textValue()).isEqualTo("kubernetes.io/hostname");
    assertThat(spread.path("whenUnsatisfiable").textValue()).isEqualTo("ScheduleAnyway");
    JsonNode toleration = pod.path("tolerations").get(0);
    assertThat(toleration.path("key").textValue()).isEqualTo("node-role.kubernetes.io/control-plane");
    assertThat(toleration.path("effect").textValue()).isEqualTo("NoSchedule");

    JsonNode service = objects.get("Service/envapp").path("spec");
    assertThat(service.path("type").textValue()).isEqualTo("ClusterIP");
    assertThat(service.path("ports").get(0).path("port").intValue()).isEqualTo(80);
    assertThat(service.path("ports").get(0).path("targetPort").textValue()).isEqualTo("http");
    assertThat(service.path("selector").path("app.kubernetes.io/instance").textValue()).isEqualTo("envapp");

    JsonNode hpa = objects.get("HorizontalPodAutoscaler/envapp");
    assertThat(hpa.path("apiVersion").textValue()).isEqualTo("autoscaling/v2");
    assertThat(hpa.path("spec").path("minReplicas").intValue()).isEqualTo(3);
    assertThat(hpa.path("spec").path("maxReplicas").intValue()).isEqualTo(10);
    assertThat(hpa.path("spec").path("scaleTargetRef").path("name").textValue()).isEqualTo("envapp");
    assertThat(hpa.path("spec").path("metrics").get(0).path("resource").path("name").textValue()).isEqualTo("cpu");

    assertThat(objects.get("ServiceAccount/envapp").path("automountServiceAccountToken").booleanValue()).isFalse();
  }

  @ParameterizedTest(name = "{0} template, dev")
  @MethodSource("helms")
  void devSaysProdFalseAsAString(Tool helm) {
    JsonNode env = template(helm, "values-dev.yaml", "envapp-dev")
        .get("Deployment/envapp").at("/spec/template/spec/containers/0/env/0");
    assertThat(env.path("name").textValue()).isEqualTo("PROD");
    assertThat(env.path("value").isTextual()).isTrue();
    assertThat(env.path("value").textValue()).isEqualTo("false");
  }

  @ParameterizedTest(name = "{0}: autoscaling off brings back replicas and drops the HPA")
  @MethodSource("helms")
  void withoutAutoscalingTheDeploymentOwnsReplicas(Tool helm) throws Exception {
    Path values = tmp.resolve("values.yaml");
    Files.writeString(values, "autoscaling:\n  enabled: false\nreplicaCount: 2\n");
    SortedMap<String, ObjectNode> objects =
        Manifests.parse(run(helm, "template", "envapp", CHART.toString(), "-f", values.toString()).stdout());
    assertThat(objects).doesNotContainKey("HorizontalPodAutoscaler/envapp");
    assertThat(objects.get("Deployment/envapp").at("/spec/replicas").intValue()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}: extra env is appended in key order, as strings")
  @MethodSource("helms")
  void extraEnvIsAppendedInKeyOrder(Tool helm) throws Exception {
    Path values = tmp.resolve("values.yaml");
    Files.writeString(values, "env:\n  ZED: \"1\"\n  ALPHA: \"on\"\n");
    JsonNode env = Manifests.parse(run(helm, "template", "envapp", CHART.toString(), "-f", values.toString()).stdout())
        .get("Deployment/envapp").at("/spec/template/spec/containers/0/env");
    assertThat(env.toString())
        .isEqualTo("[{\"name\":\"PROD\",\"value\":\"false\"},{\"name\":\"ALPHA\",\"value\":\"on\"},{\"name\":\"ZED\",\"value\":\"1\"}]");
  }

  @ParameterizedTest(name = "{0}: the test hook is a hardened pod that targets the Service")
  @MethodSource("helms")
  void helmTestHookTargetsTheService(Tool helm) {
    SortedMap<String, ObjectNode> objects =
        Manifests.parse(run(helm, "template", "envapp", CHART.toString()).stdout());
    JsonNode pod = objects.get("Pod/envapp-test-connection");
    assertThat(pod.at("/metadata/annotations/helm.sh~1hook").textValue()).isEqualTo("test");
    assertThat(pod.at("/spec/containers/0/args/2").textValue()).isEqualTo("envapp:80");
    assertThat(pod.at("/spec/securityContext/runAsNonRoot").booleanValue()).isTrue();
    assertThat(pod.at("/spec/containers/0/image").textValue()).isEqualTo("busybox:1.37.0");
  }

  @ParameterizedTest(name = "{0}: the test hook's image is a value, so a mirror can serve it")
  @MethodSource("helms")
  void helmTestHookImageComesFromValues(Tool helm) {
    String mirror = "mirror.local:5000/library/busybox@sha256:" + "a".repeat(64);
    SortedMap<String, ObjectNode> objects =
        Manifests.parse(run(helm, "template", "envapp", CHART.toString(), "--set", "tests.image=" + mirror).stdout());
    assertThat(objects.get("Pod/envapp-test-connection").at("/spec/containers/0/image").textValue()).isEqualTo(mirror);
  }

  private static SortedMap<String, ObjectNode> template(Tool helm, String values, String namespace) {
    return Manifests.parse(
        run(helm, "template", "envapp", CHART.toString(), "-f", CHART.resolve(values).toString(),
            "--namespace", namespace, "--skip-tests").stdout());
  }

  static Command.Result run(Tool helm, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of(Renders.binary(helm)));
    cmd.addAll(List.of(args));
    return Command.run(cmd).assertSuccess();
  }
}
