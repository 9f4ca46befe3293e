package io.chartascode.testing.tools;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * An operating system and CPU in the spelling Go and Kubernetes downloads use ({@code linux-amd64},
 * {@code darwin-arm64}), so error messages can name the download a user needs.
 */
record Platform(String os, String arch) {

  /** The only platform the pinned npm packages carry binaries for (they are AWS Lambda layers). */
  static final Platform LINUX_AMD64 = new Platform("linux", "amd64");

  /** The platform described by the {@code os.name} and {@code os.arch} system properties. */
  static Platform of(UnaryOperator<String> systemProperties) {
    return new Platform(goOs(systemProperties.apply("os.name")), goArch(systemProperties.apply("os.arch")));
  }

  private static String goOs(String osName) {
    String os = String.valueOf(osName).toLowerCase(Locale.ROOT);
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return "darwin";
    }
    if (os.startsWith("windows")) {
      return "windows";
    }
    return os.replace(' ', '_');
  }

  private static String goArch(String osArch) {
    String arch = String.valueOf(osArch).toLowerCase(Locale.ROOT);
    switch (arch) {
      case "x86_64":
      case "amd64":
        return "amd64";
      case "aarch64":
      case "arm64":
        return "arm64";
      default:
        return arch;
    }
  }

  @Override
  public String toString() {
    return os + "-" + arch;
  }
}
