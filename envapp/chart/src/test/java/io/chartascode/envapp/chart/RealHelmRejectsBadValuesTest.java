package io.chartascode.envapp.chart;

import io.chartascode.testing.Renders;
import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.model.Quantities;
import io.chartascode.testing.Command;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.tools.Tool;
import io.chartascode.testing.tools.ToolPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad value a user can pass to {@code helm install} is rejected by real helm 3 and helm 4, for
 * envapp's chart and the second reference service's (showcase),
 * with a message that names the value. The README's table of bad inputs lists these cases.
 */
class RealHelmRejectsBadValuesTest {
  @TempDir Path tmp;

  private static final Path CHARTS = Path.of(System.getProperty("generated.dir", "../../generated"), "helm");

  /** Cases about envapp's own parameters; the others hold for showcase's chart too. */
  private static final java.util.Set<String> ENVAPP_ONLY =
      java.util.Set.of("prod is not a boolean", "quoted \"yes\" is a string, not a boolean", "extra env repeating PROD");

  /** Cases about showcase's own parameters. */
  private static final java.util.Set<String> SHOWCASE_ONLY =
      java.util.Set.of("host with a wildcard inside", "Ingress and HTTPRoute both on at one host");

  /**
   * (helm, chart, case, values file text, fragment that helm prints): each case for envapp's chart,
   * and for showcase's where it has the parameter.
   */
  static Stream<Arguments> badValues() {
    List<Arguments> cases = new ArrayList<>();
    String[][] table = {
      {"prod is not a boolean", "prod: \"maybe\"\n", "prod: Invalid type. Expected: boolean, given: string", "at '/prod': got string, want boolean"},
      {"quoted \"yes\" is a string, not a boolean", "prod: \"yes\"\n", "prod: Invalid type. Expected: boolean, given: string", "at '/prod': got string, want boolean"},
      {"tag 1.10 unquoted is a number", "tag: 1.10\n", "tag: Invalid type. Expected: string, given: number", "at '/tag': got number, want string"},
      {"zero minReplicas", "autoscaling:\n  minReplicas: 0\n", "autoscaling.minReplicas: Must be greater than or equal to 1", "at '/autoscaling/minReplicas': minimum: got 0, want 1"},
      {"negative maxReplicas", "autoscaling:\n  maxReplicas: -2\n", "autoscaling.maxReplicas: Must be greater than or equal to 1", "at '/autoscaling/maxReplicas': minimum: got -2, want 1"},
      {"min above max", "autoscaling:\n  minReplicas: 8\n  maxReplicas: 4\n", "autoscaling.minReplicas (8) must not exceed autoscaling.maxReplicas (4)", "autoscaling.minReplicas (8) must not exceed autoscaling.maxReplicas (4)"},
      {"cpu limit that is no quantity", "resources:\n  limits:\n    cpu: lots\n", "resources.limits.cpu: Does not match pattern", "at '/resources/limits/cpu': 'lots' does not match pattern"},
      {"unknown top-level key", "replicas: 3\n", "Additional property replicas is not allowed", "additional properties 'replicas' not allowed"},
      {"env as a list", "env:\n  - name: A\n    value: b\n", "env: Invalid type. Expected: object, given: array", "at '/env': got array, want object"},
      {"env value that is a map", "env:\n  A:\n    b: c\n", "env.A: Invalid type. Expected: string, given: object", "at '/env/A': got object, want string"},
      {"hub with a space", "hub: \"my hub\"\n", "hub: Does not match pattern", "at '/hub': 'my hub' does not match pattern"},
      {"image in upper case", "image: EnvApp\n", "image: Does not match pattern", "at '/image': 'EnvApp' does not match pattern"},
      {"tag latest", "tag: latest\n", "tag: Must not validate the schema (not)", "at '/tag': 'not' failed"},
      {"extra env repeating PROD", "env:\n  PROD: \"x\"\n", "env: Property name of \"PROD\" does not match", "invalid propertyName 'PROD'"},
      {"extra env with an invalid name", "env:\n  bad-name: x\n", "env: Property name of \"bad-name\" does not match", "'bad-name' does not match pattern"},
      {"cpu request above its limit, in other units", "resources:\n  requests:\n    cpu: \"2\"\n  limits:\n    cpu: 500m\n",
          "the cpu request (resources.requests.cpu = 2) must not exceed its limit (resources.limits.cpu = 500m); Kubernetes refuses such a pod",
          "the cpu request (resources.requests.cpu = 2) must not exceed its limit (resources.limits.cpu = 500m); Kubernetes refuses such a pod"},
      {"memory request above its limit, in other units", "resources:\n  requests:\n    memory: 1Gi\n  limits:\n    memory: 512Mi\n",
          "the memory request (resources.requests.memory = 1Gi) must not exceed its limit (resources.limits.memory = 512Mi)",
          "the memory request (resources.requests.memory = 1Gi) must not exceed its limit (resources.limits.memory = 512Mi)"},
      {"extra env repeating POD_NAME, which the model sets", "env:\n  POD_NAME: \"x\"\n", "env: Property name of \"POD_NAME\" does not match", "invalid propertyName 'POD_NAME'"},
      {"test image without a tag or digest", "tests:\n  image: busybox\n", "tests.image: Does not match pattern", "at '/tests/image': 'busybox' does not match pattern"},
      {"host with a wildcard inside", "host: \"a.*.example.com\"\n", "host: Does not match pattern", "at '/host': 'a.*.example.com' does not match pattern"},
      {"Ingress and HTTPRoute both on at one host", "ingress:\n  enabled: true\nhttpRoute:\n  enabled: true\nhost: shop.example.org\n",
          "showcase.ingress.rules[0].paths[0] and showcase.httpRoute.rules[0].matches[0] both claim host shop.example.org, prefix path /;"
              + " give one another host or path, or enable only one of them",
          "showcase.ingress.rules[0].paths[0] and showcase.httpRoute.rules[0].matches[0] both claim host shop.example.org, prefix path /;"
              + " give one another host or path, or enable only one of them"},
    };
    for (String chart : List.of("envapp", "showcase")) {
      for (String[] row : table) {
        boolean applies = chart.equals("envapp")
            ? !row[0].contains("POD_NAME") && !SHOWCASE_ONLY.contains(row[0])
            : !ENVAPP_ONLY.contains(row[0]);
        if (applies) {
          cases.add(Arguments.of(Tool.HELM_3, chart, row[0], row[1], row[2]));
          cases.add(Arguments.of(Tool.HELM_4, chart, row[0], row[1], row[3]));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} rejects for {1}: {2}")
  @MethodSource("badValues")
  void rejects(Tool helm, String chart, String name, String values, String message) throws Exception {
    Command.Result result = templateWith(helm, chart, values);
    assertThat(result.exitCode()).as(name).isNotZero();
    assertThat(result.stderr()).as(name).contains(message);
  }

  static Stream<Tool> helms() {
    return Stream.of(Tool.HELM_3, Tool.HELM_4);
  }

  @ParameterizedTest(name = "{0}: unquoted yes is YAML 1.1 true and renders PROD \"true\"")
  @MethodSource("helms")
  void unquotedYesIsTrue(Tool helm) throws Exception {
    String out = templateWith(helm, "prod: yes\n").assertSuccess().stdout();
    var env = Manifests.parse(out).get("Deployment/envapp").at("/spec/template/spec/containers/0/env/0/value");
    assertThat(env.isTextual()).isTrue();
    assertThat(env.textValue()).isEqualTo("true");
  }

  @ParameterizedTest(name = "{0}: quantities may be plain numbers, as Kubernetes takes them")
  @MethodSource("helms")
  void numbersAreQuantities(Tool helm) throws Exception {
    String out =
        templateWith(helm, "resources:\n  requests:\n    cpu: 0.5\n  limits:\n    cpu: 2\n    memory: 1073741824\n")
            .assertSuccess()
            .stdout();
    var resources = Manifests.parse(out).get("Deployment/envapp").at("/spec/template/spec/containers/0/resources");
    assertThat(resources.at("/requests/cpu").textValue()).isEqualTo("0.5");
    assertThat(resources.at("/limits/cpu").textValue()).isEqualTo("2");
    // A float64 to Helm, so Go writes it with an exponent, a form Kubernetes' quantity grammar reads.
    assertThat(resources.at("/limits/memory").textValue()).isEqualTo("1.073741824e+09");
  }

  /**
   * The characters the model refuses in values (Parameter#violations, CAC-PARAM-001/CAC-ENV-001),
   * and only those: Helm 3 fails on them, written escaped, in its schema check; Helm 4 takes them;
   * other controls pass both.
   */
  @ParameterizedTest(name = "U+{0}: refused by helm 3 = {1}")
  @CsvSource({"007F, true", "0080, true", "009F, true", "FFFE, true", "FFFF, true",
      "0001, false", "0085, false", "00A0, false", "FDD0, false", "1F600, false"})
  void helm3CannotReadBackSomeCharactersInValues(String codePoint, boolean refusedByHelm3) throws Exception {
    String escaped = codePoint.length() > 4 ? "\\U" + "0".repeat(8 - codePoint.length()) + codePoint : "\\u" + codePoint;
    String values = "env:\n  A: \"x" + escaped + "\"\n";

    Command.Result helm3 = templateWith(Tool.HELM_3, values);
    assertThat(helm3.exitCode() != 0).as(helm3.stderr()).isEqualTo(refusedByHelm3);
    if (refusedByHelm3) {
      assertThat(helm3.stderr()).contains("control characters are not allowed");
    }
    templateWith(Tool.HELM_4, values).assertSuccess();
  }

  /**
   * The chart compares requests with limits as the model does ({@code Quantities}): for random
   * pairs in every unit the schema admits, {@code helm template} fails exactly when the request is
   * larger. Integer amounts, so that float64 in the template is exact.
   */
  @ParameterizedTest(name = "{0}: requests <= limits, as the model decides, for random quantities")
  @MethodSource("helms")
  void requestsAboveLimitsFailAsTheModelSays(Tool helm) throws Exception {
    Random random = new Random(20261201);
    String[] memoryUnits = {"", "k", "M", "G", "Ki", "Mi", "Gi"};
    for (int i = 0; i < 12; i++) {
      String cpuRequest = random.nextBoolean() ? (1 + random.nextInt(3000)) + "m" : String.valueOf(1 + random.nextInt(3));
      String cpuLimit = random.nextBoolean() ? (1 + random.nextInt(3000)) + "m" : String.valueOf(1 + random.nextInt(3));
      String memoryRequest = (1 + random.nextInt(2048)) + memoryUnits[random.nextInt(memoryUnits.length)];
      String memoryLimit = (1 + random.nextInt(2048)) + memoryUnits[random.nextInt(memoryUnits.length)];
      boolean modelRefuses = Quantities.amount(cpuRequest).orElseThrow().compareTo(Quantities.amount(cpuLimit).orElseThrow()) > 0
          || Quantities.amount(memoryRequest).orElseThrow().compareTo(Quantities.amount(memoryLimit).orElseThrow()) > 0;

      Command.Result result = templateWith(helm, "resources:\n  requests:\n    cpu: \"" + cpuRequest + "\"\n    memory: "
          + memoryRequest + "\n  limits:\n    cpu: \"" + cpuLimit + "\"\n    memory: " + memoryLimit + "\n");

      assertThat(result.exitCode() != 0)
          .as("cpu %s <= %s, memory %s <= %s: %s", cpuRequest, cpuLimit, memoryRequest, memoryLimit, result.stderr())
          .isEqualTo(modelRefuses);
    }
    // The same amount in other units is not above: 0.5 = 500m, 1Gi = 1024Mi = 1073741824.
    templateWith(helm, "resources:\n  requests:\n    cpu: 0.5\n    memory: 1024Mi\n  limits:\n    cpu: 500m\n"
        + "    memory: 1073741824\n").assertSuccess();
  }

  /** {@code helm template envapp <chart> -f <a values file holding values>}; does not assert success. */
  private Command.Result templateWith(Tool helm, String values) throws Exception {
    return templateWith(helm, "envapp", values);
  }

  /** The same for the chart called {@code chart}, installed as release {@code chart}. */
  private Command.Result templateWith(Tool helm, String chart, String values) throws Exception {
    Path file = Files.writeString(tmp.resolve("values-under-test.yaml"), values);
    return Command.run(List.of(Renders.binary(helm), "template", chart, CHARTS.resolve(chart).toString(), "-f", file.toString()));
  }
}
