package io.chartascode.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.testing.Command;
import io.chartascode.generator.testing.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./mvnw generate-resources} runs (this Main, in a fresh JVM), with an invalid
 * catalog: it prints every problem, fails, and leaves the tree byte-for-byte as it was.
 */
class InvalidModelTouchesNothingTest {
  private static final Path GENERATED = Path.of(System.getProperty("generated.dir", "../generated"));

  @Test
  void printsTheReportFailsAndChangesNoFile(@TempDir Path dir) throws IOException {
    Path tree = dir.resolve("generated");
    FileTrees.copy(GENERATED, tree);
    Map<String, byte[]> before = FileTrees.read(tree);

    Command.Result run = Command.run(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), tree.toString(), "--catalog=" + InvalidCatalog.class.getName()));

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr())
        .contains("2 problems in the model; nothing was written:")
        .contains("[CAC-NAME-001] envapp.environments[qa].namespace: 'QA' is not a DNS-1123 label")
        .contains("[CAC-HPA-001] envapp.environments[qa].autoscaling.minReplicas: autoscaling.minReplicas (50) > autoscaling.maxReplicas (10)")
        .contains("was not touched");
    assertThat(FileTrees.read(tree)).containsExactlyInAnyOrderEntriesOf(before);
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("generated");
    }
  }


}
