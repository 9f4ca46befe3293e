package io.chartascode.testing.tools;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What differs between helm and kubectl: how to ask for the version, read the answer, and get the binary. */
enum ToolKind {
  HELM("helm") {
    @Override
    List<String> versionArguments() {
      return List.of("version", "--template", "{{.Version}}");
    }

    @Override
    Optional<ToolVersion> parseVersion(String stdout) {
      String version = stdout.strip();
      return SEMVER.matcher(version).matches() ? Optional.of(ToolVersion.of(version)) : Optional.empty();
    }

    @Override
    String downloadPage(ToolVersion version, Platform platform) {
      return "https://github.com/helm/helm/releases/tag/v" + version.version();
    }
  },

  KUBECTL("kubectl") {
    @Override
    List<String> versionArguments() {
      return List.of("version", "--client", "-o", "json");
    }

    // Two fields of a flat JSON answer: a regular expression spares the kit a JSON library.
    @Override
    Optional<ToolVersion> parseVersion(String stdout) {
      Matcher git = jsonString("gitVersion").matcher(stdout);
      if (!git.find() || !SEMVER.matcher(git.group(1)).matches()) {
        return Optional.empty();
      }
      Matcher kustomize = jsonString("kustomizeVersion").matcher(stdout);
      return Optional.of(kustomize.find()
          ? ToolVersion.of(git.group(1), kustomize.group(1))
          : ToolVersion.of(git.group(1)));
    }

    @Override
    String downloadPage(ToolVersion version, Platform platform) {
      return "https://dl.k8s.io/release/v" + version.version() + "/bin/" + platform.os() + "/" + platform.arch()
          + "/kubectl";
    }
  };

  private static final Pattern SEMVER = Pattern.compile("v?\\d+\\.\\d+\\.\\d+\\S*");

  private final String executable;

  ToolKind(String executable) {
    this.executable = executable;
  }

  /** The file name on PATH: {@code helm}, or {@code helm.exe} on Windows. */
  String executable(Platform platform) {
    return platform.os().equals("windows") ? executable + ".exe" : executable;
  }

  @Override
  public String toString() {
    return executable;
  }

  abstract List<String> versionArguments();

  /** The version in what {@link #versionArguments()} printed, or empty if it is not recognisable. */
  abstract Optional<ToolVersion> parseVersion(String stdout);

  /** Where a user on {@code platform} can get {@code version} by hand. */
  abstract String downloadPage(ToolVersion version, Platform platform);

  private static Pattern jsonString(String field) {
    return Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"");
  }
}
