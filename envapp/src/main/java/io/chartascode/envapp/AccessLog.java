package io.chartascode.envapp;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;

/**
 * Structured log: one JSON object per line on stdout, one line per request plus start and stop
 * lines. Client-supplied text (method, path) goes through the JSON generator, so it cannot forge
 * lines, and is cut to a bounded length. Query strings are never logged: they may carry secrets.
 *
 * <p>Request lines may wait up to {@link #FLUSH_EVERY} in memory, so that a busy server writes many
 * lines per system call instead of one (a tenth of envapp's CPU per request went to that write);
 * they go out at once when {@value #FLUSH_AT} bytes are waiting, and before every lifecycle line,
 * so the order stays as it happened. A process killed without its stop line loses at most that
 * much of the request log.
 */
final class AccessLog {

  private static final int MAX_FIELD = 256;
  private static final int FLUSH_AT = 8 * 1024;
  /** How long a request line may wait on stdout's behalf. */
  static final Duration FLUSH_EVERY = Duration.ofMillis(100);

  private final OutputStream out;
  private final Clock clock;
  private final boolean buffered;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream(2 * FLUSH_AT); // guarded by pending

  /** Every line written at once: for tests that read the log right after a request. */
  AccessLog(OutputStream out, Clock clock) {
    this(out, clock, false);
  }

  private AccessLog(OutputStream out, Clock clock, boolean buffered) {
    this.out = out;
    this.clock = clock;
    this.buffered = buffered;
  }

  /** Request lines wait up to {@code flushEvery}, flushed by a daemon thread. */
  static AccessLog buffered(OutputStream out, Clock clock, Duration flushEvery) {
    AccessLog log = new AccessLog(out, clock, true);
    Thread flusher =
        new Thread(
            () -> {
              try {
                while (true) {
                  Thread.sleep(flushEvery.toMillis());
                  synchronized (log.pending) {
                    log.flushPending();
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "access-log-flush");
    flusher.setDaemon(true);
    flusher.start();
    return log;
  }

  /** Raw fd 1, bypassing System.out's charset encoder and per-call locking. */
  static AccessLog stdout() {
    return buffered(new FileOutputStream(FileDescriptor.out), Clock.systemUTC(), FLUSH_EVERY);
  }

  void request(String method, String path, int status, long durationNanos) {
    append(
        Json.render(
            json -> {
              header(json, "INFO", "request");
              json.writeStringField("method", cut(method));
              json.writeStringField("path", cut(path));
              json.writeNumberField("status", status);
              json.writeNumberField("durationMs", Math.round(durationNanos / 1_000.0) / 1_000.0);
              json.writeEndObject();
            }));
  }

  void started(int port, String version, String threads) {
    write(
        Json.render(
            json -> {
              header(json, "INFO", "started");
              json.writeNumberField("port", port);
              json.writeStringField("version", version);
              json.writeStringField("java", Runtime.version().toString());
              json.writeStringField("threads", threads);
              json.writeEndObject();
            }));
  }

  void draining(int inFlight) {
    write(
        Json.render(
            json -> {
              header(json, "INFO", "draining");
              json.writeNumberField("inFlight", inFlight);
              json.writeEndObject();
            }));
  }

  void stopped(boolean drained) {
    write(
        Json.render(
            json -> {
              header(json, drained ? "INFO" : "WARN", "stopped");
              json.writeBooleanField("drained", drained);
              json.writeEndObject();
            }));
  }

  /** A failure that ends the process, e.g. ("config", "PORT must be ..."). */
  void error(String event, String message) {
    message("ERROR", event, message);
  }

  /** What an operator should know at start, e.g. ("reveal", "ENVAPP_REVEAL prints ..."). */
  void warning(String event, String message) {
    message("WARN", event, message);
  }

  private void message(String level, String event, String message) {
    write(
        Json.render(
            json -> {
              header(json, level, event);
              json.writeStringField("message", message);
              json.writeEndObject();
            }));
  }

  private void header(JsonGenerator json, String level, String event) throws IOException {
    json.writeStartObject();
    json.writeStringField("time", clock.instant().toString());
    json.writeStringField("level", level);
    json.writeStringField("event", event);
  }

  /** A request line: waits with the others unless the log is unbuffered or enough is waiting. */
  private void append(byte[] line) {
    synchronized (pending) {
      pending.writeBytes(line);
      if (!buffered || pending.size() >= FLUSH_AT) {
        flushPending();
      }
    }
  }

  /** A lifecycle line: everything waiting goes out first, then this line, at once. */
  private void write(byte[] line) {
    synchronized (pending) {
      pending.writeBytes(line);
      flushPending();
    }
  }

  // Whole lines only, under the lock, so concurrent lines never interleave; a failing stdout must
  // not fail requests.
  private void flushPending() {
    if (pending.size() == 0) {
      return;
    }
    try {
      pending.writeTo(out);
      out.flush();
    } catch (IOException ignored) {
      // Nowhere left to report it.
    } finally {
      pending.reset();
    }
  }

  private static String cut(String s) {
    return s.length() <= MAX_FIELD ? s : s.substring(0, MAX_FIELD) + "...";
  }
}
