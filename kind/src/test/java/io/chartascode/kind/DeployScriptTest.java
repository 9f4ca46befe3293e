package io.chartascode.kind;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartascode.kind.Sandbox.Result;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy.sh against the repo's real generated/ tree (copied into the sandbox), with stub docker, kind,
 * kubectl and helm whose renders run the real helm 3 and kubectl: paths, values layout and image all
 * come from what the generator wrote.
 */
class DeployScriptTest {

  /** hub/image:tag of generated/helm/envapp/values.yaml (kkrast, envapp, v1); no env overrides them. */
  static final String IMAGE = "kkrast/envapp:v1";
  static final String BUILD = "docker build -t " + IMAGE + " -f envapp/Dockerfile .";
  static final String LOAD = "kind load docker-image " + IMAGE + " --name envapp";
  static final String POST_RENDERER = "generated/gitops/envapp/post-renderer/envapp-kustomize-";
  static final String HELM4 = Sandbox.HELM4_ENV + " helm";

  static String helmUpgrade(String env) {
    return "upgrade --install envapp generated/helm/envapp --kube-context kind-envapp --namespace envapp-" + env
        + " --create-namespace --values generated/helm/envapp/values-" + env + ".yaml --wait --timeout 5m";
  }

  static String createNamespace(String env) {
    return "kubectl --context kind-envapp create namespace envapp-" + env
        + " --dry-run=client -o yaml | kubectl --context kind-envapp apply -f -";
  }

  static String inflate(String helm3, String env) {
    return "kubectl kustomize --enable-helm --helm-command " + helm3 + " --load-restrictor LoadRestrictionsNone"
        + " generated/gitops/envapp/helmcharts/" + env;
  }

  static String rollout(String env) {
    return "kubectl --context kind-envapp -n envapp-" + env + " rollout status deployment/envapp --timeout=180s";
  }

  /** env, --via, helm version on PATH, extra variables (NAME=VALUE, space separated), expected lines. */
  static Stream<Arguments> dryRuns() {
    return Stream.of(
        Arguments.of("dev", "helm", "3.17.1", "", List.of(
            BUILD, LOAD, "helm " + helmUpgrade("dev"), rollout("dev"))),
        Arguments.of("prod", "helm", "4.1.4", "", List.of(
            BUILD, LOAD, "helm " + helmUpgrade("prod"), rollout("prod"))),
        Arguments.of("dev", "kustomize", "3.17.1", "", List.of(
            BUILD, LOAD, createNamespace("dev"),
            "kubectl --context kind-envapp apply -k generated/kustomize/envapp/overlays/dev", rollout("dev"))),
        Arguments.of("prod", "helmcharts", "3.17.1", "", List.of(
            BUILD, LOAD, createNamespace("prod"),
            inflate("helm", "prod") + " | kubectl --context kind-envapp apply -f -", rollout("prod"))),
        Arguments.of("dev", "helmcharts", "4.1.4", "HELM3=helm3", List.of(
            BUILD, LOAD, createNamespace("dev"),
            inflate("helm3", "dev") + " | kubectl --context kind-envapp apply -f -", rollout("dev"))),
        Arguments.of("dev", "post-renderer", "3.17.1", "", List.of(
            BUILD, LOAD,
            "helm " + helmUpgrade("dev") + " --post-renderer " + POST_RENDERER + "dev/kustomize.sh",
            rollout("dev"))),
        Arguments.of("prod", "post-renderer", "4.1.4", "", List.of(
            BUILD, LOAD,
            HELM4 + " plugin install " + POST_RENDERER + "prod",
            HELM4 + " " + helmUpgrade("prod") + " --post-renderer envapp-kustomize-prod",
            rollout("prod"))),
        Arguments.of("prod", "post-renderer", "4.1.4", "STUB_HELM_PLUGINS=envapp-kustomize-prod", List.of(
            BUILD, LOAD,
            HELM4 + " " + helmUpgrade("prod") + " --post-renderer envapp-kustomize-prod",
            rollout("prod"))));
  }

  @TempDir Path tmp;

  private Sandbox sandbox(String helmVersion, String extraEnv) {
    Sandbox sandbox = Sandbox.create(tmp).withGeneratedTree().env("STUB_HELM_VERSION", helmVersion);
    for (String assignment : extraEnv.split(" ")) {
      if (!assignment.isEmpty()) {
        String[] kv = assignment.split("=", 2);
        sandbox.env(kv[0], kv[1]);
      }
    }
    if (extraEnv.contains("HELM3=helm3")) {
      sandbox.addStub("helm3");
    }
    return sandbox;
  }

  @ParameterizedTest(name = "{0} --via {1} with helm {2} {3}")
  @MethodSource("dryRuns")
  void dryRunPrintsTheExactCommands(String env, String via, String helmVersion, String extraEnv, List<String> expected) {
    Result result = sandbox(helmVersion, extraEnv).run("deploy.sh", env, "--via", via, "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdoutLines()).isEqualTo(expected);
    assertThat(result.stderr()).as("every path deploy.sh reads is in the real generated/ tree").isEmpty();
    assertThat(result.actions()).as("a dry run only asks").isEmpty();
    assertThat(result.renders()).as("the image is read from one render").hasSize(1);
  }

  @ParameterizedTest(name = "{0} --via {1} with helm {2} {3}")
  @MethodSource("dryRuns")
  void realRunRunsExactlyWhatTheDryRunPrinted(
      String env, String via, String helmVersion, String extraEnv, List<String> expected) {
    Result result = sandbox(helmVersion, extraEnv).run("deploy.sh", env, "--via=" + via);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.echoed()).isEqualTo(expected);
    // Both sides of a pipeline run at once, so only their set is fixed; everything else runs in order.
    // The helmcharts pipeline starts with a render, which actions() leaves out like the image render.
    List<String> eachCommand = new ArrayList<>();
    expected.forEach(line -> eachCommand.addAll(Arrays.asList(line.split(" \\| "))));
    eachCommand.removeIf(Sandbox::isRender);
    assertThat(result.actions()).containsExactlyInAnyOrderElementsOf(eachCommand);
    List<String> unpiped = expected.stream().filter(line -> !line.contains(" | ")).toList();
    assertThat(result.actions()).filteredOn(unpiped::contains).containsExactlyElementsOf(unpiped);
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void theSecondReferenceServiceDeploysWithTheSameStepsUnderItsOwnName() {
    Sandbox sandbox = Sandbox.create(tmp).withGeneratedTree();

    Result helm = sandbox.run("deploy.sh", "prod", "--app", "showcase", "--dry-run");
    assertThat(helm.exitCode()).as(helm.stderr()).isZero();
    assertThat(helm.stdoutLines()).containsExactly(
        BUILD, LOAD,
        "kubectl --context kind-envapp create namespace showcase-prod --dry-run=client -o yaml"
            + " | kubectl --context kind-envapp apply -f -",
        CREATE_SHOWCASE_SECRET.formatted("prod"),
        "helm upgrade --install showcase generated/helm/showcase --kube-context kind-envapp --namespace showcase-prod"
            + " --create-namespace --values generated/helm/showcase/values-prod.yaml --wait --timeout 5m",
        "kubectl --context kind-envapp -n showcase-prod rollout status deployment/showcase --timeout=180s");

    Result kustomize = sandbox.run("deploy.sh", "dev", "--app=showcase", "--via", "kustomize", "--dry-run");
    assertThat(kustomize.stdoutLines()).containsSubsequence(
        "kubectl --context kind-envapp create namespace showcase-dev --dry-run=client -o yaml"
            + " | kubectl --context kind-envapp apply -f -",
        CREATE_SHOWCASE_SECRET.formatted("dev"),
        "kubectl --context kind-envapp apply -k generated/kustomize/showcase/overlays/dev");

    Result unknown = sandbox.run("deploy.sh", "dev", "--app", "shop", "--dry-run");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stderr()).contains("unknown --app 'shop': use envapp or showcase");
  }

  static final String CREATE_SHOWCASE_SECRET =
      "kubectl --context kind-envapp -n showcase-%s create secret generic showcase-credentials --from-env-file=/dev/stdin";
  static final Pattern ENV_FILE_LINE = Pattern.compile("([a-z-]+)=([0-9a-f]{48})");

  /** key=value lines kubectl read on stdin, per call, in the order of the calls. */
  private static List<Map<String, String>> createdSecrets(Sandbox sandbox) throws Exception {
    Path stdin = sandbox.stubDir.resolve("secret-stdin.txt");
    List<Map<String, String>> secrets = new ArrayList<>();
    if (!Files.exists(stdin)) {
      return secrets;
    }
    Map<String, String> current = new LinkedHashMap<>();
    for (String line : Files.readAllLines(stdin)) {
      Matcher m = ENV_FILE_LINE.matcher(line);
      assertThat(m.matches()).as("an env-file line of a random key: %s", line).isTrue();
      if (current.containsKey(m.group(1))) {
        secrets.add(current);
        current = new LinkedHashMap<>();
      }
      current.put(m.group(1), m.group(2));
    }
    secrets.add(current);
    return secrets;
  }

  @ParameterizedTest(name = "--via {0}")
  @ValueSource(strings = {"helm", "kustomize", "helmcharts", "post-renderer"})
  void showcasesSecretIsCreatedWithRandomValuesWhenAbsent(String via) throws Exception {
    Sandbox sandbox = Sandbox.create(tmp).withGeneratedTree();
    Result first = sandbox.run("deploy.sh", "dev", "--app", "showcase", "--via", via);
    Result second = sandbox.run("deploy.sh", "dev", "--app", "showcase", "--via", via);

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.echoed()).containsSubsequence(
        "kubectl --context kind-envapp create namespace showcase-dev --dry-run=client -o yaml"
            + " | kubectl --context kind-envapp apply -f -",
        CREATE_SHOWCASE_SECRET.formatted("dev"));
    assertThat(first.echoed().indexOf(CREATE_SHOWCASE_SECRET.formatted("dev")))
        .as("the Secret is there before the pods that read it")
        .isLessThan(first.echoed().size() - 2);
    assertThat(first.invocations()).contains(
        "kubectl --context kind-envapp -n showcase-dev get secret showcase-credentials --ignore-not-found -o name");
    assertThat(first.stderrLines()).contains("deploy.sh: note: created secret showcase-credentials in showcase-dev with"
        + " random values for db-password api-token license; they are not printed anywhere.");

    List<Map<String, String>> secrets = createdSecrets(sandbox);
    assertThat(secrets).hasSize(2);
    assertThat(secrets.get(0)).containsOnlyKeys("db-password", "api-token", "license");
    assertThat(secrets.get(0).get("db-password")).isNotEqualTo(secrets.get(0).get("api-token"));
    assertThat(secrets.get(1).get("db-password")).as("new values on every creation")
        .isNotEqualTo(secrets.get(0).get("db-password"));
    for (String value : secrets.get(0).values()) {
      assertThat(first.stdout() + first.stderr() + String.join("\n", first.invocations())).doesNotContain(value);
    }
  }

  @Test
  void anExistingSecretIsKept() throws Exception {
    Sandbox sandbox = Sandbox.create(tmp).withGeneratedTree().env("STUB_SECRETS", "other showcase-credentials");
    Result result = sandbox.run("deploy.sh", "prod", "--app", "showcase");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.actions()).noneMatch(call -> call.contains("create secret"));
    assertThat(result.stderrLines()).contains("deploy.sh: note: secret showcase-credentials exists in showcase-prod; keeping its values.");
    assertThat(createdSecrets(sandbox)).isEmpty();
  }

  @Test
  void envappReadsNoSecretSoNoneIsCreated() {
    Result result = Sandbox.create(tmp).withGeneratedTree().run("deploy.sh", "dev");

    assertThat(result.invocations()).noneMatch(call -> call.contains(" secret "));
  }

  /** Every Secret name and key the Deployment reads: secretKeyRef, envFrom secretRef and secret volumes. */
  static Map<String, Set<String>> secretsRead(String rendered) {
    Map<String, Set<String>> read = new TreeMap<>();
    ObjectNode deployment = Manifests.parse(rendered).entrySet().stream()
        .filter(e -> e.getKey().startsWith("Deployment/")).map(Map.Entry::getValue).findFirst().orElseThrow();
    JsonNode pod = deployment.path("spec").path("template").path("spec");
    for (String containers : List.of("containers", "initContainers")) {
      for (JsonNode container : pod.path(containers)) {
        for (JsonNode env : container.path("env")) {
          JsonNode ref = env.path("valueFrom").path("secretKeyRef");
          if (!ref.isMissingNode()) {
            read.computeIfAbsent(ref.path("name").asText(), n -> new TreeSet<>()).add(ref.path("key").asText());
          }
        }
        for (JsonNode from : container.path("envFrom")) {
          assertThat(from.has("secretRef")).as("envFrom secretRef: which keys is not known, so deploy.sh could not create it").isFalse();
        }
      }
    }
    for (JsonNode volume : pod.path("volumes")) {
      JsonNode secret = volume.path("secret");
      if (!secret.isMissingNode()) {
        Set<String> keys = read.computeIfAbsent(secret.path("secretName").asText(), n -> new TreeSet<>());
        assertThat(secret.has("items")).as("a secret volume without items reads every key").isTrue();
        secret.path("items").forEach(item -> keys.add(item.path("key").asText()));
      }
    }
    return read;
  }

  @Test
  void theSecretDeployShCreatesIsTheOneTheShowcaseDeploymentReadsInEveryEnvAndRenderer() throws Exception {
    Map<String, Set<String>> created = new TreeMap<>();
    Sandbox sandbox = Sandbox.create(tmp).withGeneratedTree();
    Result result = sandbox.run("deploy.sh", "prod", "--app", "showcase");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    created.put("showcase-credentials", new TreeSet<>(createdSecrets(sandbox).get(0).keySet()));

    for (String env : List.of("dev", "prod")) {
      Path chart = Sandbox.REPO_ROOT.resolve("generated/helm/showcase");
      String helm = Renders.run(Tool.HELM_3, List.of("template", "showcase", chart.toString(), "--namespace",
          "showcase-" + env, "--values", chart.resolve("values-" + env + ".yaml").toString())).assertSuccess().stdout();
      String kustomize = Renders.kustomize(Tool.KUBECTL_1_34, Sandbox.REPO_ROOT.resolve("generated/kustomize/showcase/overlays/" + env));
      assertThat(secretsRead(helm)).as("helm, " + env).isEqualTo(created);
      assertThat(secretsRead(kustomize)).as("kustomize, " + env).isEqualTo(created);
    }
  }

  @Test
  void viaHelmIsTheDefault() {
    Result result = Sandbox.create(tmp).withGeneratedTree().run("deploy.sh", "--dry-run", "dev");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdoutLines()).contains("helm " + helmUpgrade("dev"));
  }

  @Test
  void theImageComesFromTheChartValuesWithTheEnvFileWinning() {
    Sandbox sandbox = Sandbox.create(tmp).withGeneratedTree()
        .edit("generated/helm/envapp/values-dev.yaml", v -> v + "# A quoted tag stays a string.\ntag: \"1.10\" # dev\n")
        .edit("generated/helm/envapp/values-prod.yaml", v -> v + "hub: 'registry.local:5000/team'\n");

    assertThat(sandbox.run("deploy.sh", "dev", "--dry-run").stdoutLines()).startsWith(
        "docker build -t kkrast/envapp:1.10 -f envapp/Dockerfile .",
        "kind load docker-image kkrast/envapp:1.10 --name envapp");
    assertThat(sandbox.run("deploy.sh", "prod", "--via", "post-renderer", "--dry-run").stdoutLines())
        .startsWith("docker build -t registry.local:5000/team/envapp:v1 -f envapp/Dockerfile .");
    assertThat(sandbox.run("deploy.sh", "dev", "--via", "helmcharts", "--dry-run").stdoutLines())
        .startsWith("docker build -t kkrast/envapp:1.10 -f envapp/Dockerfile .");
    assertThat(sandbox.invocations()).contains(
        "helm template envapp generated/helm/envapp --namespace envapp-dev --values generated/helm/envapp/values-dev.yaml");
  }

  @Test
  void viaKustomizeBuildsTheImageTheOverlayDeploys() {
    Sandbox sandbox = Sandbox.create(tmp).withGeneratedTree()
        .edit("generated/kustomize/envapp/overlays/dev/kustomization.yaml",
            k -> k + "images:\n  - name: kkrast/envapp\n    newName: registry.local/envapp\n    newTag: \"2.0\"\n");

    Result result = sandbox.run("deploy.sh", "dev", "--via", "kustomize", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdoutLines()).startsWith("docker build -t registry.local/envapp:2.0 -f envapp/Dockerfile .");
    assertThat(result.renders()).containsExactly("kubectl kustomize generated/kustomize/envapp/overlays/dev");
  }

  @Test
  void valuesTheChartRejectsStopTheDeployBeforeAnythingRuns() {
    // Unquoted, 1.10 is a number; the chart's schema wants a string, so helm refuses to render.
    Result result = Sandbox.create(tmp).withGeneratedTree()
        .edit("generated/helm/envapp/values-dev.yaml", v -> v + "tag: 1.10\n")
        .run("deploy.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).first().asString()
        .startsWith("deploy.sh: could not render the manifests to read the image: 'helm template envapp generated/helm/envapp"
            + " --namespace envapp-dev --values generated/helm/envapp/values-dev.yaml' failed: ")
        .contains("tag")
        .endsWith("Fix: run that command to see why; if generated/ is stale, generate it first (./mvnw -q generate-resources).");
    assertThat(result.stderrLines()).last().isEqualTo("deploy.sh: stopped before running anything (1 problem).");
    assertThat(result.actions()).isEmpty();
  }

  @Test
  void aDeploymentWithTwoImagesIsRefused() {
    Result result = Sandbox.create(tmp).withGeneratedTree()
        .edit("generated/kustomize/envapp/overlays/prod/kustomization.yaml", k -> k
            + "  - target:\n      kind: Deployment\n      name: envapp\n    patch: |-\n"
            + "      - op: add\n        path: /spec/template/spec/containers/-\n"
            + "        value: {name: sidecar, image: \"busybox:1.37.0\"}\n")
        .run("deploy.sh", "prod", "--via", "kustomize", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
    assertThat(result.stderrLines()).first().isEqualTo(
        "deploy.sh: the Deployment rendered by 'kubectl kustomize generated/kustomize/envapp/overlays/prod' names"
            + " 2 images (kkrast/envapp:v1 busybox:1.37.0); deploy.sh builds exactly one."
            + " Fix: run that command to see why; if generated/ is stale, generate it first (./mvnw -q generate-resources).");
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void bothEnvsShareOneHelm4DataHome() {
    Sandbox sandbox = sandbox("4.1.4", "");
    List<String> dev = sandbox.run("deploy.sh", "dev", "--via", "post-renderer", "--dry-run").stdoutLines();
    List<String> prod = sandbox.run("deploy.sh", "prod", "--via", "post-renderer", "--dry-run").stdoutLines();

    assertThat(dev).contains(HELM4 + " plugin install " + POST_RENDERER + "dev");
    assertThat(prod).contains(HELM4 + " plugin install " + POST_RENDERER + "prod");
  }

  @Test
  void theHelm4PluginOfTheOtherEnvDoesNotCount() {
    Result result = sandbox("4.1.4", "STUB_HELM_PLUGINS=envapp-kustomize-dev")
        .run("deploy.sh", "prod", "--via", "post-renderer", "--dry-run");

    assertThat(result.stdoutLines()).contains(HELM4 + " plugin install " + POST_RENDERER + "prod");
    assertThat(result.invocations()).contains(HELM4 + " plugin list");
  }

  @Test
  void aLeftoverPluginThatHelm4DoesNotLoadIsAProblemWithTheFix() throws Exception {
    Sandbox sandbox = sandbox("4.1.4", "");
    Files.createDirectories(sandbox.root.resolve("kind/.work/helm4/plugins/envapp-kustomize-dev"));

    Result result = sandbox.run("deploy.sh", "dev", "--via", "post-renderer", "--dry-run");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).containsExactly(
        "deploy.sh: kind/.work/helm4/plugins/envapp-kustomize-dev exists but Helm 4 does not load it (a link into a"
            + " moved or deleted checkout?), so installing envapp-kustomize-dev would fail."
            + " Fix: rm -rf kind/.work/helm4, then rerun (deploy.sh installs the plugin again).",
        "deploy.sh: stopped before running anything (1 problem).");
  }

  @Test
  void aPluginLinkedToAnotherCheckoutIsAProblemWithTheFix() throws Exception {
    Sandbox sandbox = sandbox("4.1.4", "STUB_HELM_PLUGINS=envapp-kustomize-dev");
    Path other = Files.createDirectories(tmp.resolve("other-checkout"));
    Path plugins = Files.createDirectories(sandbox.root.resolve("kind/.work/helm4/plugins"));
    Files.createSymbolicLink(plugins.resolve("envapp-kustomize-dev"), other);

    Result result = sandbox.run("deploy.sh", "dev", "--via", "post-renderer", "--dry-run");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).first().isEqualTo(
        "deploy.sh: the Helm 4 plugin envapp-kustomize-dev in kind/.work/helm4 runs " + other.toRealPath() + ", not "
            + POST_RENDERER + "dev of this checkout. Fix: rm -rf kind/.work/helm4, then rerun (deploy.sh installs the"
            + " plugin again).");
  }

  @Test
  void helmchartsWithHelm4AndNoHelm3IsRefusedWithTheFix() {
    Result result = sandbox("4.1.4", "").run("deploy.sh", "dev", "--via", "helmcharts", "--dry-run");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderrLines()).containsExactly(
        "deploy.sh: --via helmcharts needs Helm 3: kustomize inflates helmCharts by running 'helm version -c',"
            + " a flag Helm 4 removed, and helm is Helm 4.1.4. Fix: give a Helm 3 binary, e.g. HELM3="
            + Sandbox.TOOLS_DIR + "/helm-v3.17.1/helm kind/deploy.sh dev --via helmcharts"
            + " (tools/fetch-tools.sh installs it).",
        "deploy.sh: stopped before running anything (1 problem).");
    assertThat(result.actions()).isEmpty();
    assertThat(result.renders()).isEmpty();
  }

  @Test
  void helm3ThatIsReallyHelm4IsRefused() {
    Result result = Sandbox.create(tmp).withGeneratedTree()
        .addStub("helm3")
        .env("HELM3", "helm3")
        .env("STUB_HELM3_VERSION", "4.1.4")
        .run("deploy.sh", "dev", "--via", "helmcharts", "--dry-run");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).anySatisfy(line -> assertThat(line).startsWith(
        "deploy.sh: HELM3=helm3 is Helm 4.1.4, not Helm 3; --via helmcharts needs Helm 3. Fix: run tools/fetch-tools.sh"));
    assertThat(result.actions()).isEmpty();
  }

  @Test
  void helm3GivenAsARelativePathIsResolvedBeforeTheScriptChangesDirectory() throws Exception {
    Sandbox sandbox = sandbox("4.1.4", "").env("HELM3", "bin/helm3");
    sandbox.addStub("helm3");

    Result result = sandbox.run("deploy.sh", "dev", "--via", "helmcharts", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdoutLines()).contains(
        inflate(tmp.toRealPath().resolve("bin/helm3").toString(), "dev") + " | kubectl --context kind-envapp apply -f -");
  }

  @Test
  void kustomizeNeedsNoHelm() {
    Result result = Sandbox.create(tmp).withGeneratedTree().removeTool("helm")
        .run("deploy.sh", "prod", "--via", "kustomize", "--dry-run");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdoutLines()).startsWith(BUILD);
    assertThat(result.invocations()).noneMatch(call -> call.startsWith("helm"));
  }

  @Test
  void missingDockerGetsOneMessageAndNothingRuns() {
    Result result = Sandbox.create(tmp).withGeneratedTree().removeTool("docker").run("deploy.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).containsExactly(
        "deploy.sh: docker not found on PATH. Fix: install Docker Engine 23.0 or newer"
            + " (https://docs.docker.com/engine/install/), or set DOCKER=/path/to/docker.",
        "deploy.sh: stopped before running anything (1 problem).");
    assertThat(result.invocations()).containsExactly("kind version", "kubectl version --client", "helm version --short");
  }

  @Test
  void realRunWithoutTheGeneratedTreeNamesEveryMissingPath() {
    Result result = Sandbox.create(tmp).run("deploy.sh", "prod", "--via", "post-renderer");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).containsExactly(
        "deploy.sh: envapp/Dockerfile (the envapp image's Dockerfile) does not exist. Fix: the envapp module provides it.",
        "deploy.sh: generated/helm/envapp/Chart.yaml (the envapp chart) does not exist."
            + " Fix: generate it first (./mvnw -q generate-resources).",
        "deploy.sh: generated/helm/envapp/values-prod.yaml (the prod values) does not exist."
            + " Fix: generate it first (./mvnw -q generate-resources).",
        "deploy.sh: " + POST_RENDERER + "prod/kustomize.sh (the prod post-renderer) does not exist."
            + " Fix: generate it first (./mvnw -q generate-resources).",
        "deploy.sh: stopped before running anything (4 problems).");
    assertThat(result.actions()).isEmpty();
    assertThat(result.renders()).isEmpty();
  }

  @Test
  void dryRunWithoutTheGeneratedTreeStillPrintsAndNotesWhatIsMissing() {
    Result result = Sandbox.create(tmp).run("deploy.sh", "dev", "--dry-run");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdoutLines()).hasSize(4).startsWith(
        "docker build -t '<envapp image>' -f envapp/Dockerfile .",
        "kind load docker-image '<envapp image>' --name envapp");
    assertThat(result.stderrLines()).contains(
        "deploy.sh: note: generated/helm/envapp/values-dev.yaml (the dev values) does not exist yet;"
            + " a real run would stop here.",
        "deploy.sh: note: the image is read from the rendered manifests, which need those files;"
            + " shown as '<envapp image>'.");
    assertThat(result.renders()).isEmpty();
  }

  @Test
  void aPostRendererThatIsNotExecutableIsAProblem() throws Exception {
    Sandbox sandbox = Sandbox.create(tmp).withGeneratedTree();
    sandbox.root.resolve(POST_RENDERER + "dev/kustomize.sh").toFile().setExecutable(false, false);

    Result result = sandbox.run("deploy.sh", "dev", "--via", "post-renderer");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).first().isEqualTo("deploy.sh: " + POST_RENDERER + "dev/kustomize.sh is not"
        + " executable, so helm cannot run it. Fix: chmod +x it, or regenerate it (./mvnw -q generate-resources).");
  }

  @Test
  void realRunChecksTheEngineAndTheContext() {
    Result result = Sandbox.create(tmp)
        .withGeneratedTree()
        .env("STUB_DOCKER_INFO_RC", "1")
        .env("STUB_KUBE_CONTEXTS", "kind-other")
        .run("deploy.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).containsExactly(
        "deploy.sh: no Docker engine answers ('docker info' failed; the docker client alone is not enough)."
            + " Fix: start Docker (for example: sudo systemctl start docker) and retry.",
        "deploy.sh: kube context kind-envapp not found. Fix: run kind/up.sh (it creates cluster envapp and that context).",
        "deploy.sh: stopped before running anything (2 problems).");
    assertThat(result.actions()).isEmpty();
  }

  @Test
  void aFailingCommandStopsTheDeploy() {
    Result result = Sandbox.create(tmp).withGeneratedTree().env("STUB_FAIL", "kind load").run("deploy.sh", "dev");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.actions()).containsExactly(BUILD, LOAD);
  }

  @Test
  void dryRunCreatesNothing() throws Exception {
    Sandbox sandbox = sandbox("4.1.4", "");
    sandbox.run("deploy.sh", "dev", "--via", "post-renderer", "--dry-run");

    assertThat(Files.exists(sandbox.root.resolve("kind/.work"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "staging", "dev prod", "dev --via", "dev --via argo", "dev --verbose"})
  void usageErrorsExitTwo(String args) {
    Result result = Sandbox.create(tmp).run("deploy.sh", args.isEmpty() ? new String[0] : args.split(" "));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.stderrLines()).last().isEqualTo("deploy.sh: see 'deploy.sh --help'");
    assertThat(result.invocations()).isEmpty();
  }
}
