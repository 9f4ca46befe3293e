package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real server on an ephemeral port, spoken to over real HTTP. */
class EnvAppServerTest {

  private static final Map<String, String> ENV = env();
  private static InProcessServer app;

  private static Map<String, String> env() {
    Map<String, String> env = new TreeMap<>(JsonTest.HOSTILE);
    env.put("DB_PASSWORD", "hunter2");
    env.put("STRIPE_API_KEY", "sk_live_123");
    env.put("DATABASE_URL", "postgres://app:pw@db:5432/app");
    env.put("FEATURE_TOKEN", "shown-because-revealed");
    return env;
  }

  @BeforeAll
  static void start() {
    app = new InProcessServer(Config.defaults().withReveal(Set.of("FEATURE_TOKEN")), ENV);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void rootIsTheSortedRedactedEnvironmentAsJson() {
    HttpResponse<byte[]> response = Http.get(app.uri("/"));

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, String> expected = new TreeMap<>(JsonTest.HOSTILE);
    expected.put("DATABASE_URL", "postgres://app:******@db:5432/app");
    expected.put("DB_PASSWORD", "******");
    expected.put("FEATURE_TOKEN", "shown-because-revealed");
    expected.put("STRIPE_API_KEY", "******");
    Map<String, String> body = JsonObjects.parse(response.body());
    assertThat(body).isEqualTo(expected);
    assertThat(body.keySet()).containsExactlyElementsOf(expected.keySet()); // sorted
    assertThat(new String(response.body(), UTF_8)).doesNotContain("hunter2", "sk_live", ":pw@");
  }

  @Test
  void everyResponseCarriesTheContentAndSafetyHeaders() {
    for (String path : List.of("/", "/healthz", "/readyz", "/missing")) {
      HttpResponse<byte[]> response = Http.get(app.uri(path));

      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/json; charset=utf-8");
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void headAnnouncesTheLengthOfGetWithoutABody() {
    int getLength = Http.get(app.uri("/")).body().length;

    HttpResponse<byte[]> head =
        Http.send(Http.request(app.uri("/")).method("HEAD", BodyPublishers.noBody()).build());

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(getLength);
  }

  @Test
  void livenessAndReadinessAre200WhileServing() {
    assertThat(Http.get(app.uri("/healthz")).statusCode()).isEqualTo(200);
    assertThat(Http.get(app.uri("/readyz")).statusCode()).isEqualTo(200);
    assertThat(JsonObjects.parse(Http.get(app.uri("/readyz")).body()))
        .isEqualTo(Map.of("status", "ready"));
  }

  @Test
  void unknownPathsAre404EvenWithAQuery() {
    assertThat(Http.get(app.uri("/env")).statusCode()).isEqualTo(404);
    assertThat(Http.get(app.uri("/healthz?verbose=1")).statusCode()).isEqualTo(200);
  }

  @Test
  void otherMethodsAre405WithAllow() {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
      HttpResponse<byte[]> response =
          Http.send(Http.request(app.uri("/")).method(method, BodyPublishers.noBody()).build());

      assertThat(response.statusCode()).as(method).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
  }

  @Test
  void aRequestWithABodyIs413() {
    HttpResponse<byte[]> response =
        Http.send(
            Http.request(app.uri("/")).method("GET", BodyPublishers.ofString("payload")).build());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JsonObjects.parse(response.body()))
        .isEqualTo(Map.of("error", "request body not allowed"));
  }

  @Test
  void headersOverTheLimitAre431() {
    HttpResponse<byte[]> response =
        Http.send(Http.request(app.uri("/")).header("X-Big", "a".repeat(12_000)).build());

    assertThat(response.statusCode()).isEqualTo(431);
  }

  @Test
  void headersOverTheJdkCapAreRefusedAndTheServerCarriesOn() throws Exception {
    String huge = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n";
    StringBuilder tooMany = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 150; i++) {
      tooMany.append("X-H").append(i).append(": 1\r\n"); // distinct names: the JDK counts names
    }
    tooMany.append("\r\n");

    for (String request : List.of(huge, tooMany.toString())) {
      String raw = RawHttp.exchange(app.port(), request);
      // The JDK answers 400 and closes; with the rest unread, the client may only see a reset.
      assertThat(RawHttp.status(raw)).isIn(400, -1);
    }
    assertThat(Http.get(app.uri("/healthz")).statusCode()).isEqualTo(200);
  }

  @Test
  void noErrorCarriesAStackTrace() throws Exception {
    List<String> bodies = new ArrayList<>();
    bodies.add(RawHttp.exchange(app.port(), "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n"));
    bodies.add(RawHttp.exchange(app.port(), "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"));
    bodies.add(
        RawHttp.exchange(app.port(), "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n"));
    bodies.add(new String(Http.get(app.uri("/nope")).body(), UTF_8));

    // The JDK's own 400s name a cause ("NumberFormatException thrown") but never a trace.
    assertThat(bodies)
        .allSatisfy(body -> assertThat(body).doesNotContain("\tat ", "at java.", "at io."));
    assertThat(RawHttp.status(bodies.get(0))).isEqualTo(400);
  }

  @Test
  void logsOneStructuredLinePerRequestWithoutTheQuery() throws Exception {
    Http.get(app.uri("/healthz?secret=abc"));

    String line = awaitLogLine(l -> l.contains("\"path\":\"/healthz\""));
    assertThat(line)
        .contains("\"event\":\"request\"", "\"method\":\"GET\"", "\"status\":200")
        .containsPattern("\"durationMs\":[0-9.]+")
        .doesNotContain("secret");
  }

  @Test
  void readinessTurns503FirstThenNewConnectionsAreRefused() throws Exception {
    try (InProcessServer draining = InProcessServer.withEnv(Map.of("A", "1"))) {
      CompletableFuture<Boolean> drained =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return draining.server().shutdown(Duration.ofMillis(1500), Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });

      awaitStatus(draining, "/readyz", 503);
      HttpResponse<byte[]> stillServed = Http.get(draining.uri("/"));
      assertThat(stillServed.statusCode()).isEqualTo(200);
      assertThat(stillServed.headers().firstValue("Connection")).hasValue("close");
      assertThat(Http.get(draining.uri("/healthz")).statusCode()).isEqualTo(200);

      assertThat(drained.get()).isTrue();
      assertThatThrownBy(() -> Http.get(draining.uri("/healthz")))
          .hasCauseInstanceOf(ConnectException.class);
    }
  }

  /** The handler logs after the response is out, so the line may trail the response a little. */
  private static String awaitLogLine(java.util.function.Predicate<String> match)
      throws InterruptedException {
    for (int attempt = 0; attempt < 500; attempt++) {
      var found = app.logLines().stream().filter(match).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no such log line in " + app.logLines());
  }

  private static void awaitStatus(InProcessServer server, String path, int status)
      throws InterruptedException {
    for (int attempt = 0; attempt < 500; attempt++) {
      if (Http.get(server.uri(path)).statusCode() == status) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(path + " never answered " + status);
  }
}
