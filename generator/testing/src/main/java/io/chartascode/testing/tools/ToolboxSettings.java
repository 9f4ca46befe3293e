package io.chartascode.testing.tools;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Everything a {@link Toolbox} reads from system properties and the environment, read once, and the names
 * of those properties and variables (documented on {@link Toolbox}).
 *
 * @param cache where pinned downloads are kept
 * @param registry the npm registry the pinned packages are downloaded from
 * @param platform the platform this JVM runs on
 * @param acceptUntested whether a user binary of another version than the tested one may be used
 * @param overrides binaries the user named per tool
 * @param searchPath the directories of {@code PATH}, searched where no pinned download fits the platform
 */
record ToolboxSettings(
    Path cache,
    URI registry,
    Platform platform,
    boolean acceptUntested,
    Map<Tool, UserBinary> overrides,
    List<Path> searchPath) {

  static final String TOOL_PROPERTY_PREFIX = "chartascode.tools.";
  static final String TOOL_ENV_PREFIX = "CHART_AS_CODE_";
  static final String CACHE_PROPERTY = TOOL_PROPERTY_PREFIX + "cache";
  /** The variable tools/fetch-tools.sh and kind/ read, so the scripts and the kit share one cache. */
  static final String TOOLS_ENV = TOOL_ENV_PREFIX + "TOOLS";
  static final String CACHE_ENV = TOOL_ENV_PREFIX + "CACHE";
  static final String ACCEPT_UNTESTED_PROPERTY = TOOL_PROPERTY_PREFIX + "acceptUntested";
  static final String ACCEPT_UNTESTED_ENV = TOOL_ENV_PREFIX + "ACCEPT_UNTESTED";
  static final String REGISTRY_PROPERTY = "chartascode.npm.registry";
  /** npm reads its configuration from the environment in either case; these are the two spellings in use. */
  static final String REGISTRY_ENV = "NPM_CONFIG_REGISTRY";
  static final String REGISTRY_ENV_LOWER_CASE = "npm_config_registry";
  static final URI DEFAULT_REGISTRY = URI.create("https://registry.npmjs.org/");

  ToolboxSettings {
    requireNonNull(cache, "cache");
    requireNonNull(registry, "registry");
    requireNonNull(platform, "platform");
    overrides = Map.copyOf(overrides);
    searchPath = List.copyOf(searchPath);
  }

  /** The settings of this JVM: its system properties, then its environment. */
  static ToolboxSettings fromSystem() {
    return from(System::getProperty, System::getenv);
  }

  /** Reads the settings; a system property wins over the environment variable for the same thing. */
  static ToolboxSettings from(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    Map<Tool, UserBinary> overrides = new EnumMap<>(Tool.class);
    for (Tool tool : Tool.values()) {
      first(property(properties, tool.propertyName()), env(environment, tool.environmentVariable()))
          .ifPresent(setting -> overrides.put(tool, new UserBinary(setting.path(), "named by " + setting.origin())));
    }
    return new ToolboxSettings(
        cache(properties, environment),
        registry(properties, environment),
        Platform.of(properties),
        acceptUntested(properties, environment),
        overrides,
        searchPath(environment.apply("PATH")));
  }

  /** The binary the user named for {@code tool}, if any. */
  Optional<UserBinary> override(Tool tool) {
    return Optional.ofNullable(overrides.get(tool));
  }

  private static Path cache(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    return first(property(properties, CACHE_PROPERTY), env(environment, TOOLS_ENV))
        .map(Setting::path)
        .or(() -> first(env(environment, CACHE_ENV)).map(root -> root.path().resolve("tools")))
        .orElseGet(() -> Path.of(properties.apply("user.home"), ".cache", "chart-as-code", "tools"));
  }

  private static URI registry(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    Optional<Setting> configured = first(property(properties, REGISTRY_PROPERTY),
        env(environment, REGISTRY_ENV), env(environment, REGISTRY_ENV_LOWER_CASE));
    if (configured.isEmpty()) {
      return DEFAULT_REGISTRY;
    }
    Setting setting = configured.get();
    try {
      URI uri = new URI(setting.value());
      String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, with the fix
    }
    throw new ToolProvisioningException(setting.origin() + " is '" + setting.value()
        + "', which is not an http(s) URL of an npm registry; use e.g. " + DEFAULT_REGISTRY);
  }

  private static boolean acceptUntested(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    Optional<Setting> setting =
        first(property(properties, ACCEPT_UNTESTED_PROPERTY), env(environment, ACCEPT_UNTESTED_ENV));
    if (setting.isEmpty()) {
      return false;
    }
    String value = setting.get().value().strip().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new ToolProvisioningException(setting.get().origin() + " is '" + setting.get().value()
          + "'; set it to true (use binaries of untested versions) or false");
    }
    return value.equals("true");
  }

  private static List<Path> searchPath(String path) {
    List<Path> directories = new ArrayList<>();
    for (String entry : path == null ? new String[0] : path.split(File.pathSeparator)) {
      // An empty entry means the working directory to a shell; the kit never looks there.
      if (!entry.isBlank()) {
        try {
          directories.add(Path.of(entry));
        } catch (InvalidPathException e) {
          // a PATH entry no shell could use either
        }
      }
    }
    return directories;
  }

  private static Setting property(UnaryOperator<String> properties, String name) {
    return new Setting("-D" + name, properties.apply(name));
  }

  private static Setting env(UnaryOperator<String> environment, String name) {
    return new Setting(name, environment.apply(name));
  }

  private static Optional<Setting> first(Setting... candidates) {
    return Stream.of(candidates).filter(s -> s.value() != null && !s.value().isBlank()).findFirst();
  }

  /** A configured value and the property or variable it came from, so messages can point at it. */
  private record Setting(String origin, String value) {

    Path path() {
      try {
        return Path.of(value.strip()).toAbsolutePath();
      } catch (InvalidPathException e) {
        throw new ToolProvisioningException(origin + " is '" + value + "', which is not a valid path here", e);
      }
    }
  }
}
