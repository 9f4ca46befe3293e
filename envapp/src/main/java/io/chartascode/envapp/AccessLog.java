package io.chartascode.envapp;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;

/**
 * Structured log: one JSON object per line on stdout, one line per request plus start and stop
 * lines. Client-supplied text (method, path) goes through the JSON generator, so it cannot forge
 * lines, and is cut to a bounded length. Query strings are never logged: they may carry secrets.
 */
final class AccessLog {

  private static final int MAX_FIELD = 256;

  private final OutputStream out;
  private final Clock clock;

  AccessLog(OutputStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  /** Raw fd 1, bypassing System.out's charset encoder and per-call locking. */
  static AccessLog stdout() {
    return new AccessLog(new FileOutputStream(FileDescriptor.out), Clock.systemUTC());
  }

  void request(String method, String path, int status, long durationNanos) {
    write(
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
    write(
        Json.render(
            json -> {
              header(json, "ERROR", event);
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

  private void write(byte[] line) {
    // One write per line keeps concurrent lines whole; a failing stdout must not fail requests.
    synchronized (out) {
      try {
        out.write(line);
        out.flush();
      } catch (IOException ignored) {
        // Nowhere left to report it.
      }
    }
  }

  private static String cut(String s) {
    return s.length() <= MAX_FIELD ? s : s.substring(0, MAX_FIELD) + "...";
  }
}
