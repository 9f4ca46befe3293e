package io.chartascode.envapp;

import java.util.Map;
import java.util.TreeMap;

/**
 * Maps a request to a {@link Response} without doing any I/O, so every route and refusal is
 * testable on its own. Paths are matched exactly; the query string is ignored.
 */
final class Router {

  static final String ALLOWED_METHODS = "GET, HEAD";

  /**
   * Request line plus headers beyond this get 431. The JDK's own cap (see {@link HttpServerTuning})
   * is higher: past it the JDK answers 400 before any handler runs, and as it closes with the rest
   * of the request unread, a client may see that as a reset.
   */
  static final int MAX_HEAD_BYTES = 8 * 1024;

  private static final Response HEALTHY = status("ok", 200);
  private static final Response READY = status("ready", 200);
  private static final Response DRAINING = status("draining", 503);
  private static final Response NOT_FOUND = Response.error(404, "not found");
  private static final Response METHOD_NOT_ALLOWED =
      Response.error(405, "method not allowed").withHeader("Allow", ALLOWED_METHODS);
  // Nothing here takes a body; refuse it without reading it, and drop the connection.
  private static final Response BODY_NOT_ALLOWED =
      Response.error(413, "request body not allowed").withHeader("Connection", "close");
  // Everything was read already, so this closes cleanly after the answer.
  private static final Response MALFORMED =
      Response.error(400, "malformed request header").withHeader("Connection", "close");
  private static final Response HEAD_TOO_LARGE =
      Response.error(431, "request header fields too large").withHeader("Connection", "close");

  private final Response env;
  private final Readiness readiness;

  /** {@code envJson} is rendered once: a JVM's environment cannot change after start. */
  Router(byte[] envJson, Readiness readiness) {
    this.env = Response.json(200, envJson);
    this.readiness = readiness;
  }

  Response route(RequestHead request) {
    if (request.headBytes() > MAX_HEAD_BYTES) {
      return HEAD_TOO_LARGE;
    }
    if (!request.wellFormed()) {
      return MALFORMED;
    }
    Response target =
        switch (request.path()) {
          case "/" -> env;
          case "/healthz" -> HEALTHY;
          case "/readyz" -> readiness.isReady() ? READY : DRAINING;
          default -> NOT_FOUND;
        };
    if (target == NOT_FOUND) {
      return NOT_FOUND;
    }
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return METHOD_NOT_ALLOWED;
    }
    if (request.hasBody()) {
      return BODY_NOT_ALLOWED;
    }
    return target;
  }

  private static Response status(String value, int code) {
    return Response.json(code, Json.object(new TreeMap<>(Map.of("status", value))));
  }
}
