package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar envapp.jar --smoke-test}: serve on a free port, GET each endpoint over a plain
 * socket, stop, and exit 0 only if all answered 200. The Dockerfile runs it once at build time with
 * {@code -XX:ArchiveClassesAtExit}: that proves the image starts, and records the classes a real
 * request loads into the AppCDS archive that later starts map instead of load.
 */
final class SmokeTest {

  private static final List<String> PATHS = List.of("/", "/healthz", "/readyz");

  private SmokeTest() {}

  /** Returns the process exit code: 0 if every endpoint answered 200, else 1. */
  static int run(Map<String, String> env, AccessLog log) {
    try (EnvAppServer server = EnvAppServer.start(Config.fromEnv(env).withPort(0), env, log)) {
      for (String path : PATHS) {
        String statusLine = statusLine(server.port(), path);
        if (!statusLine.startsWith("HTTP/1.1 200 ")) {
          log.error("smoke-test", "GET " + path + " answered '" + statusLine + "'");
          return 1;
        }
      }
      server.shutdown(Duration.ZERO, Duration.ofSeconds(5));
      return 0;
    } catch (IOException | RuntimeException e) {
      log.error("smoke-test", e.toString());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static String statusLine(int port, String path) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), ISO_8859_1);
      int end = response.indexOf("\r\n");
      return end < 0 ? response : response.substring(0, end);
    }
  }
}
