package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When request lines reach stdout: batched on a busy server, never out of order, never lost on a clean stop. */
class AccessLogTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
  private static final Duration NEVER = Duration.ofHours(1);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private List<String> lines() {
    String text = out.toString(UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  @Test
  void unbufferedWritesEachLineAtOnce() {
    AccessLog log = new AccessLog(out, CLOCK);
    log.request("GET", "/", 200, 1_000_000);
    assertThat(lines()).singleElement().asString().contains("\"event\":\"request\"", "\"path\":\"/\"", "\"status\":200");
  }

  @Test
  void bufferedRequestLinesWaitThenGoOutTogether() throws InterruptedException {
    AccessLog log = AccessLog.buffered(out, CLOCK, Duration.ofMillis(50));
    log.request("GET", "/", 200, 1_000_000);
    log.request("GET", "/healthz", 200, 1_000_000);
    assertThat(lines()).as("still waiting").isEmpty();

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (lines().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(lines()).hasSize(2);
    assertThat(lines().get(0)).contains("\"path\":\"/\"");
    assertThat(lines().get(1)).contains("\"path\":\"/healthz\"");
  }

  @Test
  void aLifecycleLineFlushesWhatWaitsFirst() {
    AccessLog log = AccessLog.buffered(out, CLOCK, NEVER);
    log.request("GET", "/", 200, 1_000_000);
    log.stopped(true);
    assertThat(lines()).hasSize(2);
    assertThat(lines().get(0)).contains("\"event\":\"request\"");
    assertThat(lines().get(1)).contains("\"event\":\"stopped\"", "\"drained\":true");
  }

  @Test
  void aFullBufferGoesOutWithoutWaiting() {
    AccessLog log = AccessLog.buffered(out, CLOCK, NEVER);
    int written = 0;
    while (lines().isEmpty() && written < 1_000) {
      log.request("GET", "/" + "x".repeat(100), 200, 1_000_000);
      written++;
    }
    assertThat(lines()).as("flushed after %d lines of about 200 bytes", written).isNotEmpty();
    assertThat(written).isBetween(20, 100);
    assertThat(lines()).allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
  }
}
