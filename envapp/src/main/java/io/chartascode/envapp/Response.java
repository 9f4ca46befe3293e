package io.chartascode.envapp;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the router answers: status, the JSON body a GET would carry, and headers beyond the ones
 * every response gets (see {@link EnvAppHandler}).
 */
record Response(int status, byte[] body, Map<String, String> headers) {

  Response {
    headers = Map.copyOf(headers);
  }

  static Response json(int status, byte[] body) {
    return new Response(status, body, Map.of());
  }

  /** A small {@code {"error": "..."}} body; never an exception's text or stack. */
  static Response error(int status, String message) {
    return json(status, Json.object(new TreeMap<>(Map.of("error", message))));
  }

  Response withHeader(String name, String value) {
    Map<String, String> more = new TreeMap<>(headers);
    more.put(name, value);
    return new Response(status, body, more);
  }
}
