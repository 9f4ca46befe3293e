package io.chartascode.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chartascode.kind.Sandbox.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeScriptTest {

  static final String KC = "kubectl --context kind-envapp -n envapp-prod ";
  static final List<String> PROD_COMMANDS = List.of(
      KC + "rollout status deployment/envapp --timeout=180s",
      KC + "get pods -l app.kubernetes.io/name=envapp -o 'jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}"
          + "{.spec.nodeName}{\"\\t\"}{.status.conditions[?(@.type==\"Ready\")].status}{\"\\t\"}"
          + "{.metadata.deletionTimestamp}{\"\\n\"}{end}'",
      KC + "get deployment envapp -o 'jsonpath={range .spec.template.spec.containers[*].env[?(@.valueFrom.secretKeyRef)]}"
          + "{.name}{\"\\n\"}{end}'",
      KC + "port-forward service/envapp 18080:80 &",
      "curl -fsS --max-time 5 http://127.0.0.1:18080/healthz",
      "curl -fsS --max-time 5 http://127.0.0.1:18080/readyz",
      "curl -fsS --max-time 5 http://127.0.0.1:18080/",
      KC + "get hpa envapp -o 'jsonpath={range .status.currentMetrics[*]}{.resource.name}{\"=\"}"
          + "{.resource.current.averageValue}{\"\\n\"}{end}'");

  static final String PODS_ON_THREE_NODES =
      "envapp-a\tenvapp-control-plane\tTrue\t\nenvapp-b\tenvapp-worker\tTrue\t\nenvapp-c\tenvapp-worker2\tTrue\t\n";
  static final String GOOD_PROD_BODY =
      "{\"PROD\":\"true\",\"API_TOKEN\":\"******\",\"DB_URL\":\"******\",\"db_password\":\"******\",\"HOME\":\"/\"}";

  @TempDir Path tmp;

  /** A sandbox whose stubs describe a healthy prod deployment; tests spoil one answer each. */
  private Sandbox healthyProd(boolean withJq) {
    Sandbox sandbox = Sandbox.create(tmp)
        .env("SMOKE_HPA_TIMEOUT", "0")
        .stubAnswer("pods.txt", PODS_ON_THREE_NODES)
        .stubAnswer("deployment-envapp.txt", "API_TOKEN\nDB_URL\n")
        .stubAnswer("hpa.txt", "cpu=2m\n")
        .stubAnswer("body.json", GOOD_PROD_BODY);
    if (withJq) {
      assumeTrue(sandbox.addSystemTool("jq"), "jq is not installed on this machine");
    }
    return sandbox;
  }

  @Test
  void dryRunPrintsTheExactCommandsAndRunsNone() {
    Result result = healthyProd(false).run("smoke.sh", "prod", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdoutLines()).isEqualTo(PROD_COMMANDS);
    assertThat(result.invocations()).containsExactly("kubectl version --client", "curl --version");
  }

  @Test
  void portIsConfigurable() {
    Result result = healthyProd(false).env("SMOKE_PORT", "28080").run("smoke.sh", "dev", "--dry-run");

    assertThat(result.stdoutLines()).contains(
        "kubectl --context kind-envapp -n envapp-dev port-forward service/envapp 28080:80 &",
        "curl -fsS --max-time 5 http://127.0.0.1:28080/");
  }

  @Test
  void healthyProdPassesAndRunsWhatTheDryRunPrinted() {
    Sandbox sandbox = healthyProd(true);
    Result result = sandbox.run("smoke.sh", "prod");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stderrLines()).contains(
        "smoke.sh: ok: 3 pods Ready on 3 distinct nodes",
        "smoke.sh: ok: GET /healthz",
        "smoke.sh: ok: GET /readyz",
        "smoke.sh: ok: PROD is \"true\"",
        "smoke.sh: ok: 3 secret value(s) masked",
        "smoke.sh: ok: HPA reports metrics: cpu=2m",
        "smoke.sh: all checks passed for prod.");
    assertThat(result.echoed()).isEqualTo(PROD_COMMANDS);
    assertThat(Sandbox.backgroundLast(result.actions())).isEqualTo(Sandbox.backgroundLast(List.of(
        PROD_COMMANDS.get(0), PROD_COMMANDS.get(1), PROD_COMMANDS.get(2),
        PROD_COMMANDS.get(3).replace(" &", ""), PROD_COMMANDS.get(4), PROD_COMMANDS.get(5), PROD_COMMANDS.get(6),
        PROD_COMMANDS.get(7))));
  }

  @Test
  void thePortForwardIsStoppedWhenTheScriptEnds() throws Exception {
    Sandbox sandbox = healthyProd(false).env("STUB_PORT_FORWARD_SECONDS", "100");
    sandbox.run("smoke.sh", "prod");

    long pid = Long.parseLong(Files.readString(sandbox.stubDir.resolve("port-forward.pid")).trim());
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void podsOnTwoNodesFail() {
    Result result = healthyProd(true)
        .stubAnswer("pods.txt", "envapp-a\tenvapp-worker\tTrue\t\nenvapp-b\tenvapp-worker\tTrue\t\n"
            + "envapp-c\tenvapp-worker2\tTrue\t\n")
        .run("smoke.sh", "prod");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines()).contains(
        "smoke.sh: FAIL: want 3 pods Ready on 3 distinct nodes, found 3 Ready on 2 node(s):",
        "smoke.sh: 1 check failed for prod.");
  }

  @Test
  void terminatingAndUnreadyPodsDoNotCount() {
    Result result = healthyProd(true)
        .stubAnswer("pods.txt", "envapp-a\tenvapp-control-plane\tTrue\t2026-01-01T00:00:00Z\n"
            + "envapp-b\tenvapp-worker\tTrue\t\nenvapp-c\tenvapp-worker2\tFalse\t\n")
        .run("smoke.sh", "prod");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines())
        .contains("smoke.sh: FAIL: want 3 pods Ready on 3 distinct nodes, found 1 Ready on 1 node(s):");
  }

  @Test
  void prodFlagMustMatchTheEnv() {
    Result result = healthyProd(true).run("smoke.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines()).contains("smoke.sh: FAIL: PROD is \"true\", want \"false\" for dev");
  }

  @Test
  void missingProdKeyFails() {
    Result result = healthyProd(true).stubAnswer("body.json", "{\"HOME\":\"/\"}").run("smoke.sh", "prod");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines()).contains("smoke.sh: FAIL: the JSON from GET / has no PROD key");
  }

  @Test
  void aSecretLookingKeyWithAValueFails() {
    Result result = healthyProd(true)
        .stubAnswer("body.json", GOOD_PROD_BODY.replace("\"db_password\":\"******\"", "\"db_password\":\"hunter2\""))
        .run("smoke.sh", "prod");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines()).contains("smoke.sh: FAIL: key db_password is a secret but shows a value (want \"******\")");
  }

  @Test
  void aSecretBackedEnvVarWithAnInnocentNameMustBeMaskedToo() {
    Result result = healthyProd(true)
        .stubAnswer("body.json", GOOD_PROD_BODY.replace("\"DB_URL\":\"******\"", "\"DB_URL\":\"postgres://u:p@db\""))
        .run("smoke.sh", "prod");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines()).contains("smoke.sh: FAIL: key DB_URL is a secret but shows a value (want \"******\")");
  }

  @Test
  void nestedJsonIsReadWithJq() {
    Result result = healthyProd(true)
        .stubAnswer("body.json", "{\"app\":\"envapp\",\"env\":{\"PROD\":\"true\",\"API_TOKEN\":\"******\","
            + "\"nested\":{\"SECRET_KEY\":\"oops\"}}}")
        .run("smoke.sh", "prod");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines())
        .contains("smoke.sh: ok: PROD is \"true\"")
        .contains("smoke.sh: FAIL: key SECRET_KEY is a secret but shows a value (want \"******\")");
  }

  @Test
  void withoutJqTheFallbackReadsAFlatObject() {
    Result result = healthyProd(false).run("smoke.sh", "prod");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stderrLines()).contains(
        "smoke.sh: note: jq not found; reading the JSON with the grep fallback (flat objects only)."
            + " For a full check: install jq 1.6 or newer (apt-get install jq), or set JQ=/path/to/jq.",
        "smoke.sh: ok: 3 secret value(s) masked");
  }

  @Test
  void withoutJqASecretTheFallbackCannotReadFails() {
    Result result = healthyProd(false)
        .stubAnswer("body.json", "{\"PROD\":\"true\",\"API_TOKEN\":\"ab\\\"cd\"}")
        .run("smoke.sh", "prod");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines()).contains(
        "smoke.sh: FAIL: key API_TOKEN looks secret but the fallback parser could not read its value (install jq)");
  }

  @Test
  void anHpaWithoutMetricsFails() {
    Result result = healthyProd(true).stubAnswer("hpa.txt", "").run("smoke.sh", "prod");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines()).contains(
        "smoke.sh: FAIL: HPA envapp reports no current metrics after 0s (is metrics-server running? kind/up.sh installs it)");
  }

  @Test
  void missingCurlStopsBeforeAnything() {
    Result result = healthyProd(false).removeTool("curl").run("smoke.sh", "prod");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).contains(
        "smoke.sh: curl not found on PATH. Fix: install curl (apt-get install curl), or set CURL=/path/to/curl.",
        "smoke.sh: stopped before running anything (1 problem).");
    assertThat(result.actions()).isEmpty();
  }

  @Test
  void realRunWithoutTheContextStops() {
    Result result = healthyProd(false).env("STUB_KUBE_CONTEXTS", "").run("smoke.sh", "prod");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).contains(
        "smoke.sh: kube context kind-envapp not found. Fix: run kind/up.sh (it creates cluster envapp and that context).");
    assertThat(result.actions()).isEmpty();
  }
}
