package io.chartascode.generator.internal.render.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which file names the chart's .helmignore skips, and by which pattern (none: kept). */
class HelmIgnoreTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "kept", value = {
      "app.properties, kept",
      "app.bak, *.bak",
      "app.bak.txt, kept",
      "notes~, *~",
      ".DS_Store, .DS_Store",
      ".gitignore, .gitignore",
      ".git, kept", // '.git/' is for directories
      ".vscode, kept",
      "x.swp, *.swp",
      "bak, kept",
  })
  void patternIgnoring(String name, String pattern) {
    assertThat(HelmIgnore.patternIgnoring(name).orElse(null)).isEqualTo(pattern);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"*.tmp", "*.orig", "*.iml", ".idea/"})
  void theFileListsEveryPattern(String pattern) {
    assertThat(HelmIgnore.text()).startsWith("# Patterns to ignore when building packages.\n").contains("\n" + pattern + "\n");
  }
}
