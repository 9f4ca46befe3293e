package io.chartascode.envapp.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chartascode.testing.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Debian's yamllint 1.29 (installed by tools/yamllint.sh) with chart-testing's lint config
 * (src/test/resources/ct-lintconf.yaml) passes on every generated YAML file. Templates are exempt,
 * as chart-testing exempts them: they are Go templates, not YAML.
 */
class YamllintTest {
  private static final Path GENERATED = Path.of(System.getProperty("generated.dir", "../../generated"));
  private static final Path YAMLLINT = Path.of(System.getProperty("chartascode.yamllint", "yamllint"));

  @Test
  void everyGeneratedYamlFilePassesWithChartTestingsConfig() throws IOException {
    assumeTrue(Files.isExecutable(YAMLLINT),
        YAMLLINT + " is missing: tools/yamllint.sh installs it where python3 exists (apt-get install python3)");
    List<String> files;
    try (Stream<Path> all = Files.walk(GENERATED)) {
      files = all.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !GENERATED.relativize(p).toString().contains("/templates/"))
          .map(Path::toString)
          .sorted()
          .toList();
    }
    assertThat(files).hasSizeGreaterThan(20).anyMatch(f -> f.endsWith("helm/envapp/Chart.yaml"));
    List<String> command = new ArrayList<>(List.of(YAMLLINT.toString(), "--strict", "--format", "parsable",
        "--config-file", Path.of("src/test/resources/ct-lintconf.yaml").toAbsolutePath().toString()));
    command.addAll(files);
    Command.Result result = Command.run(command);
    assertThat(result.stdout() + result.stderr()).as("yamllint findings").isEmpty();
    assertThat(result.exitCode()).isZero();
  }
}
