package io.chartascode.generator.internal.render.helm;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;

/**
 * The chart's {@code .helmignore}: what helm leaves out when it loads or packages the chart's
 * directory, {@code helm template} and {@code helm install} of the directory included. A file the
 * chart needs must match none of it; the validation asks {@link #patternIgnoring}.
 */
public final class HelmIgnore {
  private static final List<String> PATTERNS = List.of(
      ".DS_Store", ".git/", ".gitignore", "*.swp", "*.bak", "*.tmp", "*.orig", "*~", ".idea/", "*.iml", ".vscode/");

  private HelmIgnore() {}

  /** The file's text. */
  static String text() {
    return "# Patterns to ignore when building packages.\n" + String.join("\n", PATTERNS) + "\n";
  }

  /**
   * The pattern that makes helm leave out a file of this name, anywhere in the chart: a pattern
   * without a slash is matched against a file's base name. Patterns ending in {@code /} only match
   * directories.
   */
  public static Optional<String> patternIgnoring(String fileName) {
    Path name = Path.of(fileName);
    for (String pattern : PATTERNS) {
      if (pattern.endsWith("/")) {
        continue;
      }
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      if (matcher.matches(name)) {
        return Optional.of(pattern);
      }
    }
    return Optional.empty();
  }
}
