package io.chartascode.kind;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** shellcheck (pinned by tools/shellcheck.sh, run by kind/pom.xml) must have nothing to say. */
class ShellcheckTest {

  @Test
  void everyScriptIsShellcheckClean() throws Exception {
    Path shellcheck = Path.of(Sandbox.requiredProperty("chartascode.shellcheck"));
    assertThat(Files.isExecutable(shellcheck))
        .as("%s is missing; tools/shellcheck.sh installs it (./mvnw -pl kind verify runs it)", shellcheck)
        .isTrue();
    Path root = Sandbox.REPO_ROOT;
    List<String> files = new ArrayList<>();
    try (Stream<Path> kind = Files.walk(root.resolve("kind"))) {
      kind.filter(p -> p.toString().endsWith(".sh"))
          .filter(p -> !root.relativize(p).startsWith("kind/target") && !root.relativize(p).startsWith("kind/.work"))
          .map(p -> root.relativize(p).toString())
          .sorted()
          .forEach(files::add);
    }
    files.add("tools/shellcheck.sh");
    assertThat(files).contains("kind/up.sh", "kind/deploy.sh", "kind/smoke.sh", "kind/down.sh", "kind/lib/common.sh",
        "kind/src/test/resources/stubs/tool-stub.sh");

    List<String> command = new ArrayList<>(List.of(shellcheck.toString(), "--external-sources", "--format=gcc"));
    command.addAll(files);
    Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(output).as("shellcheck findings in %s", files.stream().collect(Collectors.joining(" "))).isEmpty();
    assertThat(process.exitValue()).isZero();
  }
}
