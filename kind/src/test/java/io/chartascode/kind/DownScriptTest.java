package io.chartascode.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.kind.Sandbox.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownScriptTest {

  static final String DELETE = "kind delete cluster --name envapp";

  @TempDir Path tmp;

  @Test
  void dryRunPrintsTheExactCommand() {
    Result result = Sandbox.create(tmp).run("down.sh", "--dry-run");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdoutLines()).containsExactly(DELETE);
    assertThat(result.invocations()).containsExactly("docker --version", "kind version");
  }

  @Test
  void realRunDeletesTheCluster() {
    Result result = Sandbox.create(tmp).run("down.sh");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.echoed()).containsExactly(DELETE);
    assertThat(result.actions()).containsExactly(DELETE);
  }

  @Test
  void missingKindGetsOneMessageAndNothingRuns() {
    Result result = Sandbox.create(tmp).removeTool("kind").run("down.sh");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderrLines()).containsExactly(
        "down.sh: kind not found on PATH. Fix: install kind v0.30.0 or newer (go install sigs.k8s.io/kind@v0.30.0,"
            + " or https://kind.sigs.k8s.io/docs/user/quick-start/#installation), or set KIND=/path/to/kind.",
        "down.sh: stopped before running anything (1 problem).");
    assertThat(result.invocations()).containsExactly("docker --version");
  }
}
