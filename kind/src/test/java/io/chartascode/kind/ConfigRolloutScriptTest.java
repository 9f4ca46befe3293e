package io.chartascode.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.kind.Sandbox.Result;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * config-rollout.sh against the repo's real generated/ tree, with stub kubectl, helm and curl whose
 * answers describe the Deployment before the change, after it and after the restore. The renders are
 * real (helm 3.17.1, kubectl 1.34.5), so the ConfigMap names the script expects are the generator's.
 */
class ConfigRolloutScriptTest {

  static final String MARKER = "rollout-test";
  static final String STATE_JSONPATH = "jsonpath={\"revision=\"}{.metadata.annotations.deployment\\.kubernetes\\.io/revision}"
      + "{\"\\n\"}{\"helm-release=\"}{.metadata.annotations.meta\\.helm\\.sh/release-name}{\"\\n\"}"
      + "{\"env-from=\"}{.spec.template.spec.containers[*].envFrom[*].configMapRef.name}{\"\\n\"}"
      + "{\"volume=\"}{.spec.template.spec.volumes[?(@.name==\"config\")].configMap.name}{\"\\n\"}";
  static final String PODS_JSONPATH =
      "jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}{.metadata.labels.pod-template-hash}{\"\\n\"}{end}";
  static final String OLD_PODS = "showcase-6d9f8c7b5-abcde\t6d9f8c7b5\nshowcase-6d9f8c7b5-fghij\t6d9f8c7b5\n";
  static final String NEW_PODS = "showcase-7c4b9d6f8-klmno\t7c4b9d6f8\nshowcase-7c4b9d6f8-pqrst\t7c4b9d6f8\n";
  static final String GOOD_BODY = "{\"CONFIG_GREETING\":\"" + MARKER + "\",\"CONFIG_LOG_FORMAT\":\"json\","
      + "\"DB_PASSWORD\":\"******\",\"ENVAPP_SECRET_ENV\":\"DB_PASSWORD\",\"GREETING\":\"hello\"}";

  @TempDir Path tmp;

  static String kc(String env) {
    return "kubectl --context kind-envapp -n showcase-" + env + " ";
  }

  static String getState(String env) {
    return kc(env) + "get deployment showcase -o " + Sandbox.quote(STATE_JSONPATH);
  }

  static String getPods(String env) {
    return kc(env) + "get pods -l app.kubernetes.io/name=showcase,app.kubernetes.io/instance=showcase,pod-template-hash -o "
        + Sandbox.quote(PODS_JSONPATH);
  }

  /** deploy.sh's helm step for showcase, word for word. */
  static String helmDeploy(String env) {
    return "helm upgrade --install showcase generated/helm/showcase --kube-context kind-envapp --namespace showcase-" + env
        + " --create-namespace --values generated/helm/showcase/values-" + env + ".yaml --wait --timeout 5m";
  }

  static String rollout(String env) {
    return kc(env) + "rollout status deployment/showcase --timeout=180s";
  }

  private static final Map<List<String>, String> RENDERED_NAMES = new ConcurrentHashMap<>();

  /** The name of the showcase-config ConfigMap as the real helm renders it for env (plus extra arguments). */
  static String configMapName(String env, String... extra) {
    List<String> key = new ArrayList<>(List.of(env));
    key.addAll(List.of(extra));
    return RENDERED_NAMES.computeIfAbsent(List.copyOf(key), k -> render(env, extra));
  }

  private static String render(String env, String... extra) {
    List<String> args = new ArrayList<>(List.of("template", "showcase",
        Sandbox.REPO_ROOT.resolve("generated/helm/showcase").toString(), "--namespace", "showcase-" + env,
        "--values", Sandbox.REPO_ROOT.resolve("generated/helm/showcase/values-" + env + ".yaml").toString()));
    args.addAll(List.of(extra));
    String rendered = Renders.run(Tool.HELM_3, args).assertSuccess().stdout();
    Matcher m = Pattern.compile("showcase-config-[a-z0-9]{10}\\b").matcher(rendered);
    assertThat(m.find()).as("a showcase-config ConfigMap in\n%s", rendered).isTrue();
    return m.group();
  }

  static String committed(String env) {
    return configMapName(env);
  }

  static String changed(String env) {
    return configMapName(env, "--set-string", "config.greeting=" + MARKER);
  }

  /** Every line the script prints for env and via, in order. */
  static List<String> commands(String env, String via) {
    List<String> lines = new ArrayList<>(List.of(getState(env), getPods(env)));
    lines.add(via.equals("helm")
        ? helmDeploy(env) + " --set-string config.greeting=" + MARKER
        : "kubectl --context kind-envapp apply -k kind/.work/config-rollout-" + env);
    lines.addAll(List.of(rollout(env), getState(env), getPods(env),
        kc(env) + "port-forward service/showcase 18081:80 &", "curl -fsS --max-time 5 http://127.0.0.1:18081/"));
    if (via.equals("helm")) {
      lines.addAll(List.of(helmDeploy(env), rollout(env)));
    } else {
      lines.addAll(List.of("kubectl --context kind-envapp apply -k generated/kustomize/showcase/overlays/" + env,
          rollout(env), kc(env) + "delete configmap " + changed(env) + " --ignore-not-found"));
    }
    lines.add(getState(env));
    return lines;
  }

  static String state(int revision, String helmRelease, String configMap) {
    return "revision=" + revision + "\nhelm-release=" + helmRelease + "\nenv-from=" + configMap + "\nvolume=" + configMap + "\n";
  }

  /** Stubs for a healthy run: the state before, after the change and after the restore. */
  private Sandbox healthy(String env, String via) {
    String release = via.equals("helm") ? "showcase" : "";
    return Sandbox.create(tmp).withGeneratedTree()
        .env("ROLLOUT_MARKER", MARKER)
        .env("ROLLOUT_PODS_TIMEOUT", "0")
        .env("ROLLOUT_POLL_INTERVAL", "0")
        .stubAnswer("deployment-showcase.txt.1", state(3, release, committed(env)))
        .stubAnswer("deployment-showcase.txt.2", state(4, release, changed(env)))
        .stubAnswer("deployment-showcase.txt.3", state(5, release, committed(env)))
        .stubAnswer("pods.txt.1", OLD_PODS)
        .stubAnswer("pods.txt.2", NEW_PODS)
        .stubAnswer("body.json", GOOD_BODY);
  }

  /** The commands a run executed, with the port-forward's " &" as the dry run prints it. */
  static List<String> withoutBackground(List<String> lines) {
    return lines.stream().map(line -> line.replace(" &", "")).toList();
  }

  @ParameterizedTest(name = "{0} --via {1}")
  @CsvSource({"dev, helm", "prod, helm", "dev, kustomize", "prod, kustomize"})
  void dryRunPrintsTheExactCommandsAndChangesNothing(String env, String via) {
    Sandbox sandbox = healthy(env, via);
    Result result = sandbox.run("config-rollout.sh", env, "--via", via, "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdoutLines()).isEqualTo(commands(env, via));
    assertThat(result.actions()).as("a dry run only asks and renders").isEmpty();
    assertThat(result.renders()).as("the committed state and the change, rendered").hasSize(2);
    assertThat(result.stderrLines()).contains("config-rollout.sh: note: GREETING=" + MARKER + " renames ConfigMap "
        + committed(env) + " (committed) to " + changed(env) + ".");
    assertThat(Files.exists(sandbox.root.resolve("kind/.work"))).as("the kustomization is gone").isFalse();
  }

  @Test
  void helmAndKustomizeRenderTheChangeToTheSameName() {
    Sandbox sandbox = healthy("prod", "helm");
    Result helm = sandbox.run("config-rollout.sh", "prod", "--dry-run");
    Result kustomize = sandbox.run("config-rollout.sh", "prod", "--via", "kustomize", "--dry-run");

    String note = "config-rollout.sh: note: GREETING=" + MARKER + " renames ConfigMap " + committed("prod")
        + " (committed) to " + changed("prod") + ".";
    assertThat(helm.stderrLines()).contains(note);
    assertThat(kustomize.stderrLines()).contains(note);
    assertThat(changed("prod")).isNotEqualTo(committed("prod")).isEqualTo(changed("dev"));
  }

  @ParameterizedTest(name = "{0} --via {1}")
  @CsvSource({"dev, helm", "prod, kustomize"})
  void aHealthyRunPassesRestoresAndRunsWhatTheDryRunPrinted(String env, String via) {
    Result result = healthy(env, via).run("config-rollout.sh", env, "--via=" + via);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.echoed()).isEqualTo(commands(env, via));
    assertThat(Sandbox.backgroundLast(result.actions())).isEqualTo(Sandbox.backgroundLast(withoutBackground(commands(env, via))));
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderrLines()).contains(
        "config-rollout.sh: ok: deployment/showcase refers to ConfigMap " + changed(env) + " (was " + committed(env)
            + "), the name the change renders to, in envFrom and in volume config",
        "config-rollout.sh: ok: revision 3 -> 4",
        "config-rollout.sh: ok: 2 old pods (pod-template-hash 6d9f8c7b5) replaced by 2 new (7c4b9d6f8)",
        "config-rollout.sh: ok: GET / shows CONFIG_GREETING=\"" + MARKER + "\"",
        "config-rollout.sh: ok: GET / shows DB_PASSWORD (from a Secret) masked",
        "config-rollout.sh: restored: deployment/showcase refers to the committed ConfigMap " + committed(env)
            + " again (revision 5).");
    assertThat(result.stderrLines()).last().isEqualTo("config-rollout.sh: all checks passed for " + env + " --via " + via
        + ": the configuration change rolled the pods, and the committed state is back.");
  }

  @Test
  void viaKustomizeAppliesTheCommittedOverlayWithTheLiteralMergedAndRemovesItsKustomization() throws Exception {
    Sandbox sandbox = healthy("dev", "kustomize");
    Result result = sandbox.run("config-rollout.sh", "dev", "--via", "kustomize");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    String kustomization = """
        # Written by kind/config-rollout.sh for one run, and removed when it exits.
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - ../../../generated/kustomize/showcase/overlays/dev
        configMapGenerator:
          - name: showcase-config
            behavior: merge
            literals:
              - GREETING=rollout-test
        """;
    String applied = Files.readString(sandbox.stubDir.resolve("applied-kustomizations.yaml"));
    assertThat(applied).startsWith("# kind/.work/config-rollout-dev\n" + kustomization
        + "# generated/kustomize/showcase/overlays/dev\n");
    assertThat(Files.readString(Sandbox.REPO_ROOT.resolve("kind/README.md")))
        .as("kind/README.md shows the kustomization as the script writes it")
        .contains("```yaml\n" + kustomization.replace(MARKER, "rollout-demo") + "```\n");
    assertThat(Files.exists(sandbox.root.resolve("kind/.work"))).isFalse();
    assertThat(result.invocations()).noneMatch(call -> call.startsWith("helm"));
  }

  @Test
  void aRolloutThatKeepsTheOldConfigMapFailsAndRestores() {
    Result result = healthy("dev", "helm")
        .stubAnswer("deployment-showcase.txt.2", state(3, "showcase", committed("dev")))
        .stubAnswer("pods.txt.2", OLD_PODS)
        .run("config-rollout.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines()).contains(
        "config-rollout.sh: FAIL: deployment/showcase still refers to ConfigMap " + committed("dev")
            + " after the change; want " + changed("dev") + ", the name the change renders to",
        "config-rollout.sh: FAIL: the revision of deployment/showcase did not go up: '3' before the change, '3' after",
        "config-rollout.sh: FAIL: 2 of the 2 old pods still run 0s after the rollout:"
            + " showcase-6d9f8c7b5-abcde showcase-6d9f8c7b5-fghij");
    assertThat(result.actions()).endsWith(helmDeploy("dev"), rollout("dev"), getState("dev"));
    assertThat(result.stderrLines()).last().isEqualTo(
        "config-rollout.sh: 3 checks failed for dev --via helm; the committed state is back.");
  }

  @Test
  void aBodyWithoutTheMarkerFails() {
    Result result = healthy("dev", "helm")
        .stubAnswer("body.json", GOOD_BODY.replace(MARKER, "hello from the configuration"))
        .run("config-rollout.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines()).contains(
        "config-rollout.sh: FAIL: GET / shows CONFIG_GREETING=\"hello from the configuration\", want the marker \""
            + MARKER + "\": the pod that answered does not see the new configuration",
        "config-rollout.sh: 1 check failed for dev --via helm; the committed state is back.");
    assertThat(result.actions()).endsWith(helmDeploy("dev"), rollout("dev"), getState("dev"));
  }

  @Test
  void aBodyWithoutTheKeyOrWithTheSecretShownFails() {
    Result result = healthy("dev", "helm")
        .stubAnswer("body.json", "{\"DB_PASSWORD\":\"hunter2\",\"GREETING\":\"hello\"}")
        .run("config-rollout.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines()).contains(
        "config-rollout.sh: FAIL: GET / has no CONFIG_GREETING, want \"" + MARKER
            + "\" (GREETING of showcase-config, read with envFrom prefix CONFIG_)",
        "config-rollout.sh: FAIL: GET / shows DB_PASSWORD, which comes from a Secret, unmasked (want \"******\")");
  }

  @Test
  void aChangeThatFailsIsStillRestored() {
    Result result = healthy("dev", "helm")
        .env("STUB_FAIL", helmDeploy("dev") + " --set-string")
        .run("config-rollout.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.actions()).containsExactly(
        getState("dev"), getPods("dev"), helmDeploy("dev") + " --set-string config.greeting=" + MARKER,
        helmDeploy("dev"), rollout("dev"), getState("dev"));
    assertThat(result.stderrLines()).contains(
        "config-rollout.sh: FAIL: the change did not apply (the command above failed)",
        "config-rollout.sh: restoring the committed state (helm upgrade with generated/helm/showcase/values-dev.yaml)");
  }

  @Test
  void anInterruptedRunRestoresBeforeItExits() {
    // SIGTERM arrives while the script waits for the change to roll out, as a Ctrl-C or a CI timeout would.
    Result result = healthy("prod", "kustomize")
        .env("STUB_TERM_PARENT", rollout("prod"))
        .stubAnswer("deployment-showcase.txt.2", state(4, "", committed("prod")))
        .run("config-rollout.sh", "prod", "--via", "kustomize");

    assertThat(result.exitCode()).isEqualTo(143);
    assertThat(result.stderrLines()).contains(
        "config-rollout.sh: stopped (exit 143) after the change; restoring before exiting.",
        "config-rollout.sh: restored: deployment/showcase refers to the committed ConfigMap " + committed("prod")
            + " again (revision 4).",
        "config-rollout.sh: stopped before the checks were done; the committed state is back.");
    assertThat(result.actions()).containsExactly(
        getState("prod"), getPods("prod"), "kubectl --context kind-envapp apply -k kind/.work/config-rollout-prod",
        rollout("prod"),
        "kubectl --context kind-envapp apply -k generated/kustomize/showcase/overlays/prod", rollout("prod"),
        kc("prod") + "delete configmap " + changed("prod") + " --ignore-not-found", getState("prod"));
  }

  @Test
  void aRestoreThatDoesNotBringTheCommittedStateBackFails() {
    Result result = healthy("dev", "helm")
        .stubAnswer("deployment-showcase.txt.3", state(5, "showcase", changed("dev")))
        .run("config-rollout.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines()).contains(
        "config-rollout.sh: FAIL: the restore did not bring back the committed state: deployment/showcase refers to '"
            + changed("dev") + "', want " + committed("dev") + ". Fix: kind/deploy.sh dev --app showcase --via helm");
    assertThat(result.stderrLines()).last().isEqualTo("config-rollout.sh: 1 check failed for dev --via helm, and the"
        + " committed state is NOT back. Fix: kind/deploy.sh dev --app showcase --via helm");
  }

  @Test
  void aDeploymentTheOtherWayDeployedIsRefusedAndNothingChanges() {
    Result result = healthy("dev", "helm").run("config-rollout.sh", "dev", "--via", "kustomize");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines()).contains(
        "config-rollout.sh: deployment/showcase in showcase-dev belongs to the Helm release showcase; kubectl apply would"
            + " change what Helm owns. Fix: run with --via helm, or redeploy: kubectl --context kind-envapp delete"
            + " namespace showcase-dev && kind/deploy.sh dev --app showcase --via kustomize",
        "config-rollout.sh: stopped before changing anything.");
    assertThat(result.actions()).containsExactly(getState("dev"), getPods("dev"));
  }

  @Test
  void aMissingDeploymentChangesNothing() {
    Result result = healthy("prod", "helm")
        .env("STUB_FAIL", kc("prod") + "get deployment")
        .run("config-rollout.sh", "prod");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderrLines()).contains("config-rollout.sh: could not read deployment/showcase in showcase-prod;"
        + " nothing was changed. Fix: deploy it first: kind/deploy.sh prod --app showcase --via helm");
    assertThat(result.actions()).containsExactly(getState("prod"));
  }

  @Test
  void aMissingToolStopsBeforeAnything() {
    Sandbox sandbox = healthy("dev", "helm").removeTool("helm").removeTool("curl");
    Result result = sandbox.run("config-rollout.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).containsExactly(
        "config-rollout.sh: note: jq not found; reading the JSON with the grep fallback (flat objects only)."
            + " For a full check: install jq 1.6 or newer (apt-get install jq), or set JQ=/path/to/jq.",
        "config-rollout.sh: curl not found on PATH. Fix: install curl (apt-get install curl), or set CURL=/path/to/curl.",
        "config-rollout.sh: helm not found on PATH. Fix: run tools/fetch-tools.sh, then set HELM="
            + Sandbox.TOOLS_DIR + "/helm-v3.17.1/helm or HELM=" + Sandbox.TOOLS_DIR
            + "/helm-v4.1.4/helm (or install helm 3.17+ on PATH).",
        "config-rollout.sh: stopped before running anything (2 problems).");
    assertThat(result.invocations()).containsExactly("kubectl version --client");
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void viaKustomizeNeedsNoHelm() {
    Result result = healthy("dev", "kustomize").removeTool("helm")
        .run("config-rollout.sh", "dev", "--via", "kustomize", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.invocations()).noneMatch(call -> call.startsWith("helm"));
  }

  @Test
  void aChangeThatDoesNotRenameTheConfigMapStopsBeforeAnything() {
    Sandbox sandbox = healthy("dev", "helm")
        .edit("generated/helm/showcase/templates/configmap-config.yaml",
            t -> t.replace("GREETING: {{ .Values.config.greeting | quote }}", "GREETING: \"fixed\""));
    Result result = sandbox.run("config-rollout.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).hasSize(3).last().isEqualTo("config-rollout.sh: stopped before running anything (1 problem).");
    assertThat(result.stderrLines().get(1))
        .startsWith("config-rollout.sh: the change does not rename the ConfigMap: with GREETING=" + MARKER
            + " it is still showcase-config-")
        .endsWith("so it would roll no pod. Fix: config.greeting must feed the key GREETING of showcase-config"
            + " (Showcase.CONFIG); regenerate (./mvnw -q generate-resources).");
    assertThat(result.actions()).isEmpty();
  }

  @Test
  void realRunWithoutTheContextStops() {
    Result result = healthy("dev", "helm").env("STUB_KUBE_CONTEXTS", "").run("config-rollout.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).contains(
        "config-rollout.sh: kube context kind-envapp not found. Fix: run kind/up.sh (it creates cluster envapp and that context).");
    assertThat(result.actions()).isEmpty();
  }

  @Test
  void theDefaultMarkerIsNewOnEveryRun() {
    Sandbox sandbox = Sandbox.create(tmp).withGeneratedTree();
    String first = changeLine(sandbox.run("config-rollout.sh", "dev", "--dry-run"));
    String second = changeLine(sandbox.run("config-rollout.sh", "dev", "--dry-run"));

    assertThat(first).matches(".* --set-string config\\.greeting=rollout-\\d{8}-\\d{6}-[0-9a-f]{4}");
    assertThat(first).isNotEqualTo(second);
  }

  private static String changeLine(Result result) {
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result.stdoutLines().stream().filter(l -> l.contains("--set-string")).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "staging", "dev --via helmcharts", "dev --via", "dev prod"})
  void usageErrorsExitTwo(String args) {
    Result result = Sandbox.create(tmp).run("config-rollout.sh", args.isEmpty() ? new String[0] : args.split(" "));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.stderrLines()).last().isEqualTo("config-rollout.sh: see 'config-rollout.sh --help'");
    assertThat(result.invocations()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Rollout-1", "1rollout", "a,b", "with space", "key=value"})
  void aMarkerThatIsNotPlainIsAUsageError(String marker) {
    Result result = Sandbox.create(tmp).env("ROLLOUT_MARKER", marker).run("config-rollout.sh", "dev", "--dry-run");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderrLines()).first().asString().startsWith("config-rollout.sh: ROLLOUT_MARKER '" + marker + "' is not a marker");
    assertThat(result.invocations()).isEmpty();
  }

  @Test
  void dryRunWithoutTheGeneratedTreeNotesWhatIsMissing() {
    Result result = Sandbox.create(tmp).env("ROLLOUT_MARKER", MARKER).run("config-rollout.sh", "dev", "--via", "kustomize", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stderrLines()).contains(
        "config-rollout.sh: note: generated/kustomize/showcase/overlays/dev/kustomization.yaml (the dev overlay) does not"
            + " exist yet; a real run would stop here.");
    assertThat(result.stdoutLines()).contains(
        kc("dev") + "delete configmap '<showcase-config with GREETING=" + MARKER + ">' --ignore-not-found");
    assertThat(result.renders()).isEmpty();
  }
}
