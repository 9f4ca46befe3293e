package io.chartascode.testing.tools;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A binary that is not our pinned download, and how it was chosen ({@code named by -Dchartascode.tools.helm3},
 * {@code named by CHART_AS_CODE_HELM3}, {@code found on PATH}). It is used only after its version is checked.
 */
record UserBinary(Path path, String origin) {

  static final String ON_PATH = "found on PATH";

  UserBinary {
    requireNonNull(path, "path");
    requireNonNull(origin, "origin");
  }

  @Override
  public String toString() {
    return path + " (" + origin + ")";
  }
}
