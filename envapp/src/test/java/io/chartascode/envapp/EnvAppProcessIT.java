package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a real process: real environment, real signals, real exit codes. */
class EnvAppProcessIT {

  /** What every child gets: a free port, and a UTF-8 locale so non-ASCII bytes decode as such. */
  private static Map<String, String> baseEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("LC_ALL", "C.UTF-8");
    return env;
  }

  @Test
  void startLineNamesPortAndVersion() throws Exception {
    try (ChildEnvApp app = ChildEnvApp.start(ChildEnvApp.javaCommand(), baseEnv()).awaitStarted()) {
      String start = app.stdout().get(0);

      assertThat(start)
          .contains("\"event\":\"started\"", "\"port\":" + app.port())
          .contains("\"version\":\"" + System.getProperty("envapp.version") + "\"");
      assertThat(Http.get(app.uri("/healthz")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void hostileEnvironmentValuesComeBackExactly() throws Exception {
    assertThat(System.getProperty("sun.jnu.encoding"))
        .as("the test JVM must pass env bytes as UTF-8; surefire sets LC_ALL=C.UTF-8")
        .isEqualTo("UTF-8");
    Map<String, String> hostile = new HashMap<>(JsonTest.HOSTILE);
    hostile.remove("LONE_SURROGATE"); // not encodable as environment bytes
    Map<String, String> env = baseEnv();
    env.putAll(hostile);
    env.put("APP_DB_PASSWORD", "hunter2");
    env.put("ENVAPP_REVEAL", "QUOTES");

    try (ChildEnvApp app = ChildEnvApp.start(ChildEnvApp.javaCommand(), env).awaitStarted()) {
      HttpResponse<byte[]> response = Http.get(app.uri("/"));

      Map<String, String> body = JsonObjects.parse(response.body());
      assertThat(body).containsAllEntriesOf(hostile).containsEntry("APP_DB_PASSWORD", "******");
      assertThat(new String(response.body(), UTF_8)).doesNotContain("hunter2");
    }
  }

  @Test
  void sigtermTurnsReadinessFirstFinishesInFlightRequestsAndExitsZero() throws Exception {
    Map<String, String> env = baseEnv();
    env.put("ENVAPP_SHUTDOWN_DELAY_MS", "1000");
    env.put("ENVAPP_SHUTDOWN_GRACE_MS", "20000");
    // A long request timeout, so only the shutdown could cut the slow request below.
    List<String> command = ChildEnvApp.javaCommand("-Dsun.net.httpserver.maxReqTime=60");
    try (ChildEnvApp app = ChildEnvApp.start(command, env).awaitStarted();
        Socket slow = RawHttp.connect(app.port())) {
      // In flight across the whole shutdown: headers started but not finished.
      OutputStream slowOut = slow.getOutputStream();
      slowOut.write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(ISO_8859_1));
      slowOut.flush();
      AtomicBoolean loadRunning = new AtomicBoolean(true);
      CompletableFuture<List<Integer>> load =
          CompletableFuture.supplyAsync(
              () -> {
                List<Integer> statuses = new ArrayList<>();
                while (loadRunning.get()) {
                  statuses.add(Http.get(app.uri("/")).statusCode()); // throws if a request is cut
                }
                return statuses;
              });
      Thread.sleep(200);

      app.sigterm();

      awaitStatus(app, "/readyz", 503);
      loadRunning.set(false);
      assertThat(load.get()).isNotEmpty().containsOnly(200);
      awaitRefused(app.port()); // the listener is closed now, but the slow request still runs
      slowOut.write("\r\n".getBytes(ISO_8859_1));
      slowOut.flush();
      String answer = RawHttp.readUntilClosed(slow.getInputStream());

      assertThat(RawHttp.status(answer)).isEqualTo(200);
      assertThat(JsonObjects.parse(bodyOf(answer).getBytes(UTF_8))).containsEntry("PORT", "0");
      assertThat(app.awaitExit(Duration.ofSeconds(30))).isZero();
      assertThat(app.stdout())
          .anySatisfy(l -> assertThat(l).contains("\"event\":\"draining\""))
          .last()
          .asString()
          .contains("\"event\":\"stopped\"", "\"drained\":true");
    }
  }

  @Test
  void badConfigurationExitsTwoAndSaysWhy() throws Exception {
    Map<String, String> env = baseEnv();
    env.put("PORT", "eighty");
    ChildEnvApp app = ChildEnvApp.start(ChildEnvApp.javaCommand(), env);

    assertThat(app.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
    assertThat(String.join("\n", app.stdout()))
        .contains("\"level\":\"ERROR\"", "PORT must be an integer from 0 to 65535, got 'eighty'");
  }

  @Test
  void aTakenPortExitsOne() throws Exception {
    try (ChildEnvApp first =
        ChildEnvApp.start(ChildEnvApp.javaCommand(), baseEnv()).awaitStarted()) {
      Map<String, String> env = baseEnv();
      env.put("PORT", Integer.toString(first.port()));
      ChildEnvApp second = ChildEnvApp.start(ChildEnvApp.javaCommand(), env);

      assertThat(second.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
      assertThat(String.join("\n", second.stdout())).contains("cannot listen on port");
    }
  }

  @Test
  void smokeTestTrainsAnAppCdsArchiveThatTheNextStartMaps(@TempDir Path tmp) throws Exception {
    Path archive = tmp.resolve("envapp.jsa");
    ChildEnvApp training =
        ChildEnvApp.start(
            ChildEnvApp.javaCommand("-XX:ArchiveClassesAtExit=" + archive, "--smoke-test"),
            baseEnv());
    assertThat(training.awaitExit(Duration.ofSeconds(60))).as(training.stderr()).isZero();
    assertThat(archive).isRegularFile();

    Path classLoading = tmp.resolve("class-load.txt");
    List<String> command =
        ChildEnvApp.javaCommand(
            "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info:file=" + classLoading);
    try (ChildEnvApp app = ChildEnvApp.start(command, baseEnv()).awaitStarted()) {
      assertThat(Http.get(app.uri("/")).statusCode()).isEqualTo(200);
      assertThat(app.stderr()).isEmpty();
    }
    assertThat(Files.readAllLines(classLoading))
        .as("envapp's own classes come from the dynamic (top) archive")
        .anyMatch(l -> l.contains(Main.class.getName() + " source: shared objects file (top)"));
  }

  private static String bodyOf(String rawResponse) {
    return rawResponse.substring(rawResponse.indexOf("\r\n\r\n") + 4);
  }

  private static void awaitStatus(ChildEnvApp app, String path, int status)
      throws InterruptedException {
    for (int attempt = 0; attempt < 1000; attempt++) {
      if (Http.get(app.uri(path)).statusCode() == status) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError(path + " never answered " + status);
  }

  private static void awaitRefused(int port) throws InterruptedException, IOException {
    for (int attempt = 0; attempt < 3000; attempt++) {
      try (Socket probe = RawHttp.connect(port)) {
        InputStream ignored = probe.getInputStream();
      } catch (ConnectException refused) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("port " + port + " still accepts connections after shutdown began");
  }
}
