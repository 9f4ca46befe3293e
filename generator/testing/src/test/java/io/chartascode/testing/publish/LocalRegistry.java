package io.chartascode.testing.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real OCI registry (distribution 2.8.2, Debian's {@code docker-registry}) on a free loopback
 * port, storing into a directory the test owns, stopped by {@link #close()}. The binary is the one
 * tools/docker-registry.sh installs; Maven passes its path as {@code chartascode.dockerRegistry}.
 */
final class LocalRegistry implements AutoCloseable {
  static final String USER = "tester";
  static final String PASSWORD = "s3cret-pw";
  /** bcrypt of {@link #PASSWORD} (cost 4), made once with Python's crypt.crypt(..., METHOD_BLOWFISH). */
  private static final String HTPASSWD = USER + ":$2b$04$tqrrdMD3i18vY7Rifx6LOu1RCqjBP0kqxkrLF8Vj1PzKTEAaT.JLu\n";

  private final Process process;
  private final int port;
  private final Path log;

  private LocalRegistry(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** A registry anyone may push to. */
  static LocalRegistry start(Path dir) {
    return start(dir, false);
  }

  /** A registry that wants {@link #USER}/{@link #PASSWORD} (HTTP Basic, htpasswd) when {@code withLogin}. */
  static LocalRegistry start(Path dir, boolean withLogin) {
    String binary = Optional.ofNullable(System.getProperty("chartascode.dockerRegistry"))
        .orElseThrow(() -> new AssertionError("chartascode.dockerRegistry is not set; run the tests with Maven,"
            + " which installs the registry with tools/docker-registry.sh"));
    if (!Files.isExecutable(Path.of(binary))) {
      throw new AssertionError(binary + " is not there; run tools/docker-registry.sh (Maven does, in generate-test-resources)");
    }
    try {
      int port = freePort();
      Path home = Files.createDirectories(dir.resolve("home"));
      Path config = dir.resolve("config.yml");
      String auth = "";
      if (withLogin) {
        Files.writeString(dir.resolve("htpasswd"), HTPASSWD);
        auth = "auth:\n  htpasswd:\n    realm: chart-as-code-test\n    path: " + dir.resolve("htpasswd") + "\n";
      }
      Files.writeString(config, """
          version: 0.1
          log:
            level: warn
          storage:
            filesystem:
              rootdirectory: %s
          http:
            addr: 127.0.0.1:%d
            secret: chart-as-code-test-only
          %s"""
          .formatted(dir.resolve("data"), port, auth));
      Path log = dir.resolve("registry.log");
      ProcessBuilder pb = new ProcessBuilder(binary, "serve", config.toString())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().put("HOME", home.toString());
      pb.environment().put("TMPDIR", home.toString());
      LocalRegistry registry = new LocalRegistry(pb.start(), port, log);
      registry.awaitReady();
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code 127.0.0.1:<port>}. */
  String host() {
    return "127.0.0.1:" + port;
  }

  /** {@code oci://127.0.0.1:<port>/<path>}. */
  String oci(String path) {
    return "oci://" + host() + "/" + path;
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the registry exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        int status = http.send(HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    close();
    throw new AssertionError("the registry did not answer on " + host() + " within 20 s:\n" + log());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
