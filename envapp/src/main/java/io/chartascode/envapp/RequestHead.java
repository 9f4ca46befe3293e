package io.chartascode.envapp;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Map;

/**
 * The parts of a request the router decides on. The body itself is never read.
 *
 * @param method as sent, e.g. GET
 * @param path the raw path, without the query string; "" if the target has none
 * @param headBytes request line plus headers, counted as sent (name, ": ", value, CRLF)
 * @param hasBody whether Content-Length (other than 0) or Transfer-Encoding announces a body
 * @param wellFormed whether the method and every header name are RFC 9110 tokens and no header
 *     value holds a control character other than tab. Some JDK updates refuse such requests
 *     themselves and some pass them on; this keeps the rule whatever the JDK.
 */
record RequestHead(String method, String path, int headBytes, boolean hasBody, boolean wellFormed) {

  static RequestHead of(HttpExchange exchange) {
    String rawPath = exchange.getRequestURI().getRawPath();
    Headers headers = exchange.getRequestHeaders();
    String length = headers.getFirst("Content-Length");
    return new RequestHead(
        exchange.getRequestMethod(),
        rawPath == null ? "" : rawPath, // e.g. an opaque target such as "GET mailto:x HTTP/1.1"
        exchange.getRequestMethod().length()
            + exchange.getRequestURI().toString().length()
            + exchange.getProtocol().length()
            + 4
            + headerBytes(headers),
        headers.containsKey("Transfer-Encoding") || (length != null && !length.equals("0")),
        isToken(exchange.getRequestMethod()) && wellFormed(headers));
  }

  private static boolean wellFormed(Headers headers) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (!isToken(header.getKey())) {
        return false;
      }
      for (String value : header.getValue()) {
        if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isToken(String s) {
    return !s.isEmpty() && s.chars().allMatch(RequestHead::isTokenChar);
  }

  private static boolean isTokenChar(int c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static int headerBytes(Headers headers) {
    int size = 0;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      for (String value : header.getValue()) {
        size += header.getKey().length() + value.length() + 4;
      }
    }
    return size;
  }
}
