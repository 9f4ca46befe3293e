package io.chartascode.envapp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The build's version, from a resource Maven filters at build time, so it is the same from the jar,
 * from Jib's exploded classes and from the IDE; "dev" if the resource was not filtered.
 */
final class Version {

  private Version() {}

  static String current() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "dev";
    }
    String version = properties.getProperty("version", "dev");
    return version.startsWith("${") ? "dev" : version;
  }
}
