package io.chartascode.testing.tools;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** The binary a {@link Toolbox} settled on for a tool, and why it trusts it. */
record ResolvedTool(Tool tool, Path path, ToolVersion version, String provenance) {

  static final String REPORT_PREFIX = "chart-as-code-testing: ";

  ResolvedTool {
    requireNonNull(tool, "tool");
    requireNonNull(path, "path");
    requireNonNull(version, "version");
    requireNonNull(provenance, "provenance");
  }

  /** The line printed once per tool, so a build log shows exactly which binaries the tests ran. */
  String report() {
    return REPORT_PREFIX + tool.command() + " " + version + " = " + path + " (" + provenance + ")";
  }
}
