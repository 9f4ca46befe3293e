package io.chartascode.kind;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.kind.Sandbox.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * kind/README.md promises its command blocks are exactly what the scripts run. Each block follows a
 * marker {@code <!-- dry-run [helm=N] [VAR=value...]: kind/<script> args -->}; this test reruns that
 * command with --dry-run against the stub tools and a copy of the real generated/ tree, and compares.
 */
class ReadmeTest {

  private static final Pattern BLOCK = Pattern.compile(
      "<!-- dry-run((?: [A-Za-z0-9_]+=\\S+)*): kind/(\\S+\\.sh)((?: [^>]+?)?) -->\\n```sh\\n(.*?)```", Pattern.DOTALL);

  private static final Set<String> TOOL_VARIABLES = Set.of("DOCKER", "KIND", "KUBECTL", "HELM", "HELM3", "JQ", "CURL");

  record Block(String settings, String script, String args, String expected) {
    @Override
    public String toString() {
      return ("kind/" + script + args + " " + settings).trim();
    }
  }

  @TempDir Path tmp;

  static List<Block> blocks() throws Exception {
    String readme = Files.readString(Sandbox.REPO_ROOT.resolve("kind/README.md"), UTF_8);
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(readme);
    while (m.find()) {
      blocks.add(new Block(m.group(1).trim(), m.group(2), m.group(3), m.group(4)));
    }
    return blocks;
  }

  @Test
  void readmeShowsEveryScriptAndBothHelmMajors() throws Exception {
    List<String> shown = blocks().stream().map(Block::toString).toList();

    assertThat(shown).contains(
        "kind/up.sh", "kind/deploy.sh dev", "kind/deploy.sh prod --via kustomize",
        "kind/deploy.sh prod --via helmcharts helm=3", "kind/deploy.sh dev --via helmcharts helm=4 HELM3=helm3",
        "kind/deploy.sh dev --via post-renderer helm=3", "kind/deploy.sh prod --via post-renderer helm=4",
        "kind/smoke.sh prod", "kind/deploy.sh prod --app showcase",
        "kind/config-rollout.sh prod ROLLOUT_MARKER=rollout-demo",
        "kind/config-rollout.sh dev --via kustomize ROLLOUT_MARKER=rollout-demo", "kind/down.sh");
  }

  @TestFactory
  Stream<DynamicTest> everyBlockIsTheScriptsDryRunOutput() throws Exception {
    return blocks().stream().map(block -> DynamicTest.dynamicTest(block.toString(), () -> {
      Path dir = Files.createTempDirectory(tmp, "readme");
      Sandbox sandbox = Sandbox.create(dir).withGeneratedTree();
      for (String setting : block.settings().isEmpty() ? new String[0] : block.settings().split(" ")) {
        String[] kv = setting.split("=", 2);
        if (kv[0].equals("helm")) {
          sandbox.env("STUB_HELM_VERSION", kv[1].equals("4") ? "4.1.4" : "3.17.1");
        } else {
          sandbox.env(kv[0], kv[1]);
          // A tool variable (HELM3=helm3) names a stub on PATH; other settings (ROLLOUT_MARKER) are values.
          if (TOOL_VARIABLES.contains(kv[0]) && !kv[1].contains("/")) {
            sandbox.addStub(kv[1]);
          }
        }
      }
      List<String> args = new ArrayList<>(Arrays.asList(block.args().trim().split(" ")));
      args.removeIf(String::isEmpty);
      args.add("--dry-run");

      Result result = sandbox.run(block.script(), args.toArray(String[]::new));

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.stdout()).isEqualTo(block.expected());
    }));
  }
}
