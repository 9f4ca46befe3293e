package io.chartascode.testing.tools;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The version a binary reports, without the leading {@code v}; kubectl also reports the kustomize built
 * into it, which decides how overlays render.
 */
record ToolVersion(String version, Optional<String> kustomize) {

  ToolVersion {
    requireNonNull(version, "version");
    requireNonNull(kustomize, "kustomize");
  }

  /** Parses {@code v3.17.1} or {@code 3.17.1}, as binaries print either. */
  static ToolVersion of(String version) {
    return new ToolVersion(withoutV(version), Optional.empty());
  }

  static ToolVersion of(String version, String kustomize) {
    return new ToolVersion(withoutV(version), Optional.of(withoutV(kustomize)));
  }

  private static String withoutV(String version) {
    String trimmed = version.strip();
    return trimmed.startsWith("v") ? trimmed.substring(1) : trimmed;
  }

  /** {@code 3.17.1}, or {@code 1.31.0 (kustomize 5.4.2)}. */
  @Override
  public String toString() {
    return version + kustomize.map(k -> " (kustomize " + k + ")").orElse("");
  }
}
