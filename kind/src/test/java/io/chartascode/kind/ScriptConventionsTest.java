package io.chartascode.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.kind.Sandbox.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every kind/ entry script promises: strict mode, --help that runs nothing, usage errors exit 2. */
class ScriptConventionsTest {

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"up.sh", "deploy.sh", "smoke.sh", "config-rollout.sh", "down.sh"})
  void isExecutableAndStrict(String script) throws Exception {
    Path file = Sandbox.REPO_ROOT.resolve("kind").resolve(script);

    assertThat(Files.isExecutable(file)).as(file + " is executable").isTrue();
    assertThat(Files.readAllLines(file))
        .first().isEqualTo("#!/usr/bin/env bash");
    assertThat(Files.readString(file)).contains("\nset -euo pipefail\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"up.sh", "deploy.sh", "smoke.sh", "config-rollout.sh", "down.sh"})
  void helpPrintsUsageAndRunsNothing(String script) {
    Result result = Sandbox.create(tmp).removeTool("kind").removeTool("kubectl").run(script, "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).startsWith("Usage: kind/" + script + " ").contains("--dry-run").contains("Exit codes:");
    assertThat(result.stderr()).isEmpty();
    assertThat(result.invocations()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"up.sh", "deploy.sh", "smoke.sh", "config-rollout.sh", "down.sh"})
  void unknownOptionIsAUsageError(String script) {
    Result result = Sandbox.create(tmp).run(script, "dev", "--frobnicate");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderrLines()).last().isEqualTo(script + ": see '" + script + " --help'");
    assertThat(result.invocations()).isEmpty();
  }
}
