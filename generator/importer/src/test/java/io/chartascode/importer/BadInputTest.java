package io.chartascode.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets one clear error naming file and line, and saying what to do. */
class BadInputTest {
  @TempDir Path dir;

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
              - name: web
                image: ghcr.io/acme/web:1.0.0
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("not YAML", "kind: Service\nmetadata:\n  name: x\n  labels: a: b\n", "in.yaml:4: not valid YAML: "),
        Arguments.of("a Helm template", "kind: Service\nmetadata:\n  name: {{ .Release.Name }}\n  x: {{- if }}\n",
            "this is a Helm template, not rendered YAML; run helm template"),
        Arguments.of("no kind", DEPLOYMENT + "---\napiVersion: v1\nmetadata:\n  name: x\n",
            "in.yaml:12: no kind: every Kubernetes object needs apiVersion and kind"),
        Arguments.of("a values file", "replicaCount: 3\nimage:\n  tag: v1\n", "in.yaml:1: no kind: every Kubernetes object"
            + " needs apiVersion and kind (if this is a values file, render the chart with it first"),
        Arguments.of("a Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n", "looks like a chart's Chart.yaml"),
        Arguments.of("a list, not an object", "- a\n- b\n", "in.yaml:1: expected a Kubernetes object (a mapping with"
            + " apiVersion and kind), found a list"),
        Arguments.of("a duplicate key", "kind: Service\nmetadata:\n  name: x\nkind: Service\n",
            "in.yaml:4: duplicate key 'kind'; YAML keys must be unique"),
        Arguments.of("the same object twice", DEPLOYMENT + "---\n" + DEPLOYMENT,
            "in.yaml:12: Deployment/web is defined twice (first at in.yaml:1)"),
        Arguments.of("no Deployment", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n",
            "in.yaml: no Deployment in the input (found Service)"),
        Arguments.of("two Deployments", DEPLOYMENT + "---\n" + DEPLOYMENT.replace("name: web\nspec", "name: api\nspec"),
            "the input has 2 Deployments: Deployment/web (in.yaml:1), Deployment/api (in.yaml:12); the model describes"
                + " one per application. Import each with -Dimport.deployment=<name>"),
        Arguments.of("a Deployment without containers", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n",
            "in.yaml:1: Deployment/web has no containers"),
        Arguments.of("nothing", "# only a comment\n---\n", "in.yaml: no Kubernetes objects found"),
        // Found by ImporterFuzzTest (a NullPointerException before): env as a map, and an entry that is not one.
        Arguments.of("env as a map", DEPLOYMENT + "          env:\n            A: b\n",
            "env of web is a mapping; it must be a list of {name, value}"),
        Arguments.of("an env entry that is not a mapping", DEPLOYMENT + "          env:\n            - A\n",
            "env entry 0 of web is not a {name, value} mapping"),
        // Found by ImporterFuzzTest (a ClassCastException before): a probe that is a scalar.
        Arguments.of("a probe that is a scalar", DEPLOYMENT + "          readinessProbe: /healthz\n",
            "readinessProbe is a scalar; a probe is a mapping such as {httpGet: {path, port}}"),
        // Found by ImporterFuzzTest (a NullPointerException before): ports as a map, and a port that is not one.
        Arguments.of("ports as a map", DEPLOYMENT + "          ports:\n            http: 8080\n",
            "ports of web is a mapping; it must be a list of {name, containerPort}"),
        Arguments.of("a port that is not a mapping", DEPLOYMENT + "          ports:\n            - 8080\n",
            "port 0 of web is not a {name, containerPort} mapping"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void namesFileAndLine(String name, String yaml, String message) throws IOException {
    Path file = Files.writeString(dir.resolve("in.yaml"), yaml, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Importer.importFiles(ImportRequest.of(file)))
        .isInstanceOf(ImportException.class)
        .satisfies(e -> assertThat(e.getMessage().replace(dir + "/", "")).contains(message));
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> Importer.importFiles(ImportRequest.of(Path.of("no/such.yaml"))))
        .isInstanceOf(ImportException.class)
        .hasMessage("no/such.yaml: no such file");
  }

  @Test
  void oneOfSeveralDeploymentsCanBeChosenAndTheOthersAreListed() throws IOException {
    Path file = Files.writeString(dir.resolve("in.yaml"),
        DEPLOYMENT + "---\n" + DEPLOYMENT.replace("name: web\nspec", "name: api\nspec"), StandardCharsets.UTF_8);
    ImportResult result = Importer.importFiles(ImportRequest.of(file).withDeployment("api"));
    assertThat(result.application().name()).isEqualTo("api");
    assertThat(result.report().skipped()).singleElement().asString().endsWith(
        "in.yaml:1): one Deployment per import; this import is Deployment/api."
            + " Import this one with -Dimport.deployment=web");
    assertThatThrownBy(() -> Importer.importFiles(ImportRequest.of(file).withDeployment("db")))
        .hasMessageContaining("no Deployment named 'db' in the input; found Deployment/web (");
  }

  @Test
  void badNamesForTheClassAreRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("in.yaml"), DEPLOYMENT, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Importer.importFiles(ImportRequest.of(file).withClassName("class")))
        .hasMessage("class 'class' is not a valid Java class name, e.g. ShopApi");
    assertThatThrownBy(() -> Importer.importFiles(ImportRequest.of(file).withPackage("com.1x")))
        .hasMessage("package 'com.1x' is not a valid Java package name, e.g. com.example.services");
  }
}
