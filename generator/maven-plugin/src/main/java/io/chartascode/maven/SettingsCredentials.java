package io.chartascode.maven;

import io.chartascode.generator.publish.Credentials;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Registry credentials from Maven's {@code settings.xml}: the {@code <server>} whose {@code <id>}
 * is the registry host, with its port if the reference has one ({@code ghcr.io}, {@code
 * registry.example.com:5000}). Passwords encrypted with {@code mvn --encrypt-password} are
 * decrypted as Maven decrypts them.
 */
final class SettingsCredentials {
  private SettingsCredentials() {}

  static Optional<Credentials> find(Settings settings, SettingsDecrypter decrypter, String host) {
    if (settings == null) {
      return Optional.empty();
    }
    Server server = settings.getServer(host);
    if (server == null || server.getUsername() == null) {
      return Optional.empty();
    }
    SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
        // The problem's message names the server, never the password.
        throw new ModelException("cannot decrypt the password of <server> " + host + " in settings.xml: "
            + problem.getMessage() + "; see https://maven.apache.org/guides/mini/guide-encryption.html");
      }
    }
    Server decrypted = result.getServer();
    String password = decrypted.getPassword() == null ? "" : decrypted.getPassword();
    return Optional.of(new Credentials(decrypted.getUsername(), password, "settings.xml <server> " + host));
  }
}
