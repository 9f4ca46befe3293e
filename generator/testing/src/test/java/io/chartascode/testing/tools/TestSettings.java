package io.chartascode.testing.tools;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings built from explicit properties and environment, never from this JVM's, so a developer's own
 * CHART_AS_CODE_HELM3 or npm mirror cannot change what a test sees.
 */
final class TestSettings {

  private final Map<String, String> properties = new HashMap<>(
      Map.of("user.home", "/home/nobody", "os.name", "Linux", "os.arch", "amd64"));
  private final Map<String, String> environment = new HashMap<>();

  static TestSettings linux() {
    return new TestSettings();
  }

  static TestSettings macOnArm() {
    return new TestSettings().property("os.name", "Mac OS X").property("os.arch", "aarch64");
  }

  TestSettings property(String name, String value) {
    properties.put(name, value);
    return this;
  }

  TestSettings env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  TestSettings cache(Path directory) {
    return property(ToolboxSettings.CACHE_PROPERTY, directory.toString());
  }

  ToolboxSettings build() {
    return ToolboxSettings.from(properties::get, environment::get);
  }
}
