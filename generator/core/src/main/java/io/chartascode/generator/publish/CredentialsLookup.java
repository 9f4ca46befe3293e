package io.chartascode.generator.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the credentials for a registry host where {@code helm registry login} and {@code docker
 * login} put them, first match wins:
 *
 * <ol>
 *   <li>Helm's registry config: {@code $HELM_REGISTRY_CONFIG}, else {@code
 *       $XDG_CONFIG_HOME/helm/registry/config.json}, else {@code ~/.config/helm/registry/config.json};
 *   <li>Docker's config: {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}.
 * </ol>
 *
 * <p>Both are Docker-style JSON: {@code auths.<host>.auth} (base64 of {@code user:password}) or
 * {@code username}/{@code password}; keys may carry a scheme ({@code https://ghcr.io}). A {@code
 * credHelpers.<host>} or {@code credsStore} entry runs {@code docker-credential-<helper> get}, as
 * docker does. Settings in Maven's {@code settings.xml} come before both; the plugin passes them in.
 */
public final class CredentialsLookup {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path home;
  private final Map<String, String> env;

  public CredentialsLookup(Path home, Map<String, String> env) {
    this.home = home;
    this.env = Map.copyOf(env);
  }

  /** The lookup of this process: {@code user.home} and the environment. */
  public static CredentialsLookup standard() {
    return new CredentialsLookup(Path.of(System.getProperty("user.home")), System.getenv());
  }

  /** The config files read, in order. */
  public List<Path> configFiles() {
    List<Path> files = new ArrayList<>();
    files.add(Optional.ofNullable(env.get("HELM_REGISTRY_CONFIG")).map(Path::of)
        .orElseGet(() -> Optional.ofNullable(env.get("XDG_CONFIG_HOME")).map(Path::of)
            .orElse(home.resolve(".config")).resolve("helm/registry/config.json")));
    files.add(Optional.ofNullable(env.get("DOCKER_CONFIG")).map(Path::of)
        .orElse(home.resolve(".docker")).resolve("config.json"));
    return files;
  }

  public Optional<Credentials> find(String host) {
    for (Path file : configFiles()) {
      Optional<Credentials> found = fromConfig(file, host);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<Credentials> fromConfig(Path file, String host) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode config;
    try {
      config = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      // Jackson's message may quote the file's content; name the file only.
      throw new RegistryException("cannot read " + file + " as JSON; fix or remove it");
    }
    if (config == null || !config.isObject()) {
      return Optional.empty();
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = config.path("auths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (hostOf(entry.getKey()).equals(host)) {
        Optional<Credentials> c = fromAuth(entry.getValue(), file + " (auths." + entry.getKey() + ")");
        if (c.isPresent()) {
          return c;
        }
      }
    }
    String helper = config.path("credHelpers").path(host).asText("");
    if (helper.isEmpty()) {
      helper = config.path("credsStore").asText("");
    }
    return helper.isEmpty() ? Optional.empty() : fromHelper(helper, host, file);
  }

  private static Optional<Credentials> fromAuth(JsonNode auth, String source) {
    String encoded = auth.path("auth").asText("");
    if (!encoded.isEmpty()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new RegistryException("the auth entry in " + source + " is not base64; log in again (helm registry login)");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new RegistryException("the auth entry in " + source + " is not user:password; log in again (helm registry login)");
      }
      return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1), source));
    }
    String user = auth.path("username").asText("");
    String password = auth.path("password").asText("");
    if (!user.isEmpty() && !password.isEmpty()) {
      return Optional.of(new Credentials(user, password, source));
    }
    String token = auth.path("identitytoken").asText("");
    return token.isEmpty() ? Optional.empty() : Optional.of(new Credentials("<token>", token, source));
  }

  private static Optional<Credentials> fromHelper(String helper, String host, Path file) {
    String command = "docker-credential-" + helper;
    try {
      Process p = new ProcessBuilder(command, "get").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().write(host.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new RegistryException(command + " get did not answer within 30 s (named in " + file + ")");
      }
      if (p.exitValue() != 0) {
        return Optional.empty(); // the helper has nothing for this host
      }
      JsonNode answer = JSON.readTree(out);
      String user = answer.path("Username").asText("");
      String secret = answer.path("Secret").asText("");
      return secret.isEmpty() ? Optional.empty()
          : Optional.of(new Credentials(user.isEmpty() ? "<token>" : user, secret, command + " (named in " + file + ")"));
    } catch (IOException e) {
      throw new RegistryException(file + " names the credential helper " + command
          + ", which cannot be run: " + e.getMessage() + "; install it or remove it from " + file);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("interrupted while running " + command);
    }
  }

  /** {@code https://ghcr.io/v1/} → {@code ghcr.io}. */
  static String hostOf(String key) {
    String k = key.replaceFirst("^[a-zA-Z]+://", "");
    int slash = k.indexOf('/');
    return slash < 0 ? k : k.substring(0, slash);
  }
}
