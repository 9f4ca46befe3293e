package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Test helper: a real envapp server in this JVM, on a free port, with its log captured. */
final class InProcessServer implements AutoCloseable {

  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final EnvAppServer server;

  InProcessServer(Config config, Map<String, String> env) {
    try {
      server =
          EnvAppServer.start(config.withPort(0), env, new AccessLog(logBytes, Clock.systemUTC()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InProcessServer withEnv(Map<String, String> env) {
    return new InProcessServer(Config.defaults(), env);
  }

  EnvAppServer server() {
    return server;
  }

  int port() {
    return server.port();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /** Log lines so far, each parsed as JSON. */
  List<String> logLines() {
    synchronized (logBytes) {
      return logBytes.toString(UTF_8).lines().toList();
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
