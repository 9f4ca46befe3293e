package io.chartascode.generator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chartascode.generator.internal.render.helm.HelmIgnore;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.testing.SampleApplications;
import io.chartascode.testing.Manifests;
import io.chartascode.testing.Renders;
import io.chartascode.testing.tools.ToolPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What CAC-CONFIG-001 refuses as a file key is what helm itself skips: a chart with the generated
 * {@code .helmignore} and a file of each name, asked by real helm which of them it loaded.
 */
class HelmIgnoreTest {
  private static final List<String> NAMES = List.of(
      "app.properties", "app.bak", "app.bak.txt", "notes~", "x.swp", "y.tmp", "z.orig", "m.iml",
      ".DS_Store", ".gitignore", ".git", ".idea", ".vscode", "bak", "tmp.json");

  static List<ToolPair> helms() {
    return ToolPair.tested();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helms")
  void helmSkipsExactlyTheNamesItsPatternsMatch(ToolPair pair, @TempDir Path root) throws IOException {
    Application app = SampleApplications.random(5);
    Path chart = Renders.chart(Renders.generate(root, List.of(app)), app);
    Files.createDirectories(chart.resolve("files"));
    StringBuilder template = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: loaded\ndata:\n");
    for (String name : NAMES) {
      Files.writeString(chart.resolve("files").resolve(name), "content of " + name + "\n");
      template.append("  ").append('"').append(name).append("\": ")
          .append("{{ empty (.Files.Get \"files/").append(name).append("\") | ternary \"skipped\" \"loaded\" | quote }}\n");
    }
    Files.writeString(chart.resolve("templates/loaded.yaml"), template);

    String out = Renders.helm(pair.helm(), "template", "probe", chart.toString(), "--show-only", "templates/loaded.yaml")
        .assertSuccess().stdout();
    JsonNode data = Manifests.parseOne(out).get("data");
    for (String name : NAMES) {
      assertThat(data.get(name).asText()).as(pair + " " + name)
          .isEqualTo(HelmIgnore.patternIgnoring(name).isPresent() ? "skipped" : "loaded");
    }
  }
}
