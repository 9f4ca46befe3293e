package io.chartascode.generator.publish;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and password (or token) for one registry, and where they were found. {@link
 * #toString()} never shows the password, so a log line or exception message cannot leak it.
 *
 * @param source where they came from, for messages ({@code ~/.docker/config.json}, {@code
 *     settings.xml server 'ghcr.io'})
 */
public record Credentials(String username, String password, String source) {
  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(source, "source");
  }

  /** The value of an {@code Authorization: Basic} header. */
  String basicAuthorization() {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=****, source=" + source + "]";
  }
}
