package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target (issue 17): arbitrary bytes on a socket to the real envapp server (in this JVM, on a
 * free port). The outcome is an HTTP response (a status line first) or a closed connection, and the
 * server keeps serving: every {@value #HEALTH_EVERY}th input, and after the last, {@code /healthz}
 * answers 200. After the run, this JVM has no more threads and file descriptors than it had after
 * warming up, give or take {@value #SLACK} (bench/fuzz.sh runs it past 100,000 inputs).
 */
class EnvAppFuzzTest {
  private static final int HEALTH_EVERY = 500;
  private static final int SLACK = 8;
  private static final long IDLE_WAIT_NANOS = 10_000_000_000L;
  private static final String HEALTH = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  private static InProcessServer server;
  private static long inputs;
  private static int threadsBefore;
  private static long descriptorsBefore;


  @BeforeAll
  static void start() throws IOException {
    server = InProcessServer.withEnv(Map.of("HOSTNAME", "fuzz"));
    for (int i = 0; i < 20; i++) {
      assertHealthy(RawHttp.exchange(server.port(), HEALTH)); // Jazzer's agent comes with the first input
    }
    threadsBefore = Thread.activeCount();
    descriptorsBefore = descriptors();
  }

  @AfterAll
  static void stop() throws Exception {
    assertHealthy();
    // Connections the server has not yet reaped, and its pool threads winding down.
    long deadline = System.currentTimeMillis() + 10_000;
    while ((descriptors() > descriptorsBefore + SLACK || Thread.activeCount() > threadsBefore + SLACK)
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    System.out.printf("envapp fuzz: %d inputs; threads %d -> %d, file descriptors %d -> %d%n",
        inputs, threadsBefore, Thread.activeCount(), descriptorsBefore, descriptors());
    try {
      assertThat(Thread.activeCount()).as("threads after %d inputs", inputs).isLessThanOrEqualTo(threadsBefore + SLACK);
      assertThat(descriptors()).as("file descriptors after %d inputs", inputs).isLessThanOrEqualTo(descriptorsBefore + SLACK);
    } finally {
      server.close();
    }
  }

  @FuzzTest
  void anyBytesGetAResponseOrAClosedConnectionAndTheServerKeepsServing(byte[] request) throws IOException {
    String response = exchange(request);
    if (!response.isEmpty()) {
      assertThat(response).as("the answer to %d bytes", request.length).matches("(?s)HTTP/1\\.1 [1-5][0-9][0-9][ \\r].*");
    }
    if (++inputs % HEALTH_EVERY == 0) {
      assertHealthy();
    }
  }

  /**
   * Sends {@code request} and waits until the server is done with it. Jazzer's server-side request
   * forgery detector reports every socket connection a target opens; this target's connections go
   * to the server it started, and only those are allowed, per input (Jazzer's agent is attached by
   * then, and resets the detector's state). Its first finding, before this, killed the fuzzing JVM,
   * which then reported no tests at all: the build now fails on that, see fuzz.required in the root
   * pom.
   */
  private static String exchange(byte[] request) throws IOException {
    String response;
    try (var loopback = BugDetectors.allowNetworkConnections((host, port) -> port == server.port())) {
      response = RawHttp.exchange(server.port(), request);
    }
    awaitIdle();
    return response;
  }

  /**
   * The server logs a request after it has answered. That code's coverage must not count towards
   * the next input, at a moment that varies, or runs with the same seed would keep different inputs.
   * (EnvAppServer and BoundedExecutor, the plumbing every input passes alike, are left out of the
   * coverage in the pom, so that this polling counts nothing.)
   */
  private static void awaitIdle() {
    long deadline = System.nanoTime() + IDLE_WAIT_NANOS;
    while (server.server().inFlight() > 0) {
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError("the server still handled the input 10 s after it answered");
      }
      Thread.onSpinWait();
    }
  }

  private static void assertHealthy() throws IOException {
    assertHealthy(exchange(HEALTH.getBytes(ISO_8859_1)));
  }

  private static void assertHealthy(String health) {
    assertThat(RawHttp.status(health)).as("/healthz after %d inputs: %s", inputs, health).isEqualTo(200);
  }

  /** Open file descriptors of this process (Linux); the JVM's count where there is no /proc. */
  private static long descriptors() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (Files.isDirectory(fds)) {
      try (Stream<Path> open = Files.list(fds)) {
        return open.count();
      }
    }
    return ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getOpenFileDescriptorCount();
  }
}
