package io.chartascode.kind;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** shellcheck (pinned by tools/shellcheck.sh, run by kind/pom.xml) must have nothing to say about any script. */
class ShellcheckTest {
  /** Directories of build output and scratch copies, whose scripts are not ours to check. */
  private static final Set<String> BUILD_OUTPUT = Set.of("target", ".git", ".work", "node_modules");

  @Test
  void everyScriptIsShellcheckClean() throws Exception {
    Path shellcheck = Path.of(Sandbox.requiredProperty("chartascode.shellcheck"));
    assertThat(Files.isExecutable(shellcheck))
        .as("%s is missing; tools/shellcheck.sh installs it (./mvnw -pl kind verify runs it)", shellcheck)
        .isTrue();
    Path root = Sandbox.REPO_ROOT;
    List<String> files;
    try (Stream<Path> all = Files.walk(root)) {
      files =
          all.filter(p -> p.getFileName().toString().endsWith(".sh"))
              .map(p -> root.relativize(p).toString())
              .filter(p -> Stream.of(p.split("/")).noneMatch(BUILD_OUTPUT::contains))
              .sorted()
              .toList();
    }
    assertThat(files).contains("kind/up.sh", "kind/deploy.sh", "kind/smoke.sh", "kind/config-rollout.sh", "kind/down.sh",
        "kind/lib/common.sh",
        "kind/src/test/resources/stubs/tool-stub.sh", "tools/fetch-tools.sh", "tools/shellcheck.sh",
        "bench/generate.sh", "bench/envapp.sh", "bench/kill-loop.sh", "bench/fuzz.sh", "envapp/build-image.sh",
        "generated/gitops/envapp/post-renderer/envapp-kustomize-dev/kustomize.sh");

    List<String> command = new ArrayList<>(List.of(shellcheck.toString(), "--external-sources", "--format=gcc"));
    command.addAll(files);
    Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(output).as("shellcheck findings in %s", files.stream().collect(Collectors.joining(" "))).isEmpty();
    assertThat(process.exitValue()).isZero();
  }
}
