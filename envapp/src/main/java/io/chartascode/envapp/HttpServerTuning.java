package io.chartascode.envapp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JDK HTTP server's limits and timeouts, chosen on purpose instead of its defaults. They are
 * system properties read once, when the server implementation class first loads, so {@link
 * #apply()} must run before the first {@code HttpServer.create}. A {@code -D} given on the command
 * line wins over these values.
 */
final class HttpServerTuning {

  static final Map<String, String> DEFAULTS = defaults();

  private HttpServerTuning() {}

  static void apply() {
    DEFAULTS.forEach(
        (name, value) -> {
          if (System.getProperty(name) == null) {
            System.setProperty(name, value);
          }
        });
  }

  private static Map<String, String> defaults() {
    Map<String, String> p = new LinkedHashMap<>();
    // JDK 17 writes headers and body separately; with Nagle on, each keep-alive response then
    // waits ~40 ms for a delayed ACK. (JDK 21+ does not stall, and the flag is harmless there.)
    p.put("sun.net.httpserver.nodelay", "true");
    // Seconds to receive a whole request; the JDK default is forever, which lets a slowloris
    // client hold a worker thread (the JDK reads headers on the executor).
    p.put("sun.net.httpserver.maxReqTime", "5");
    // Seconds to deliver a response to a client that reads slowly.
    p.put("sun.net.httpserver.maxRspTime", "10");
    // Keep-alive: close connections idle for 30 s, checked every second, keep at most 200.
    p.put("sun.net.httpserver.idleInterval", "30");
    p.put("sun.net.httpserver.clockTick", "1000");
    p.put("sun.net.httpserver.maxIdleConnections", "200");
    // Request headers: at most 100 of them and 32 KiB in all, or the JDK refuses with 400 (and
    // may reset). The handler's own, lower limit answers 431 cleanly (Router.MAX_HEAD_BYTES).
    p.put("sun.net.httpserver.maxReqHeaders", "100");
    p.put("sun.net.httpserver.maxReqHeaderSize", "32768");
    // sun.net.httpserver.drainAmount stays at its default (64 KiB): at 0 the JDK also closes
    // every keep-alive connection after a body-less request, as it never sees the empty body end.
    // Open connections at most (newer JDK 17 updates and 21+; older ones ignore it).
    p.put("jdk.httpserver.maxConnections", "1024");
    return Map.copyOf(p);
  }
}
