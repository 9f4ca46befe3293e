package io.chartascode.envapp;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * The single HTTP handler: asks the {@link Router}, writes the answer with the headers every
 * response carries, and logs one line. Nothing thrown here reaches the client as text.
 */
final class EnvAppHandler implements HttpHandler {

  private final Router router;
  private final Readiness readiness;
  private final AccessLog log;

  EnvAppHandler(Router router, Readiness readiness, AccessLog log) {
    this.router = router;
    this.readiness = readiness;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) {
    long start = System.nanoTime();
    RequestHead request = RequestHead.of(exchange);
    int status = 0; // 0 in the log: the client went away before a status was sent
    try {
      Response response = router.route(request);
      status = response.status();
      send(exchange, request.method().equals("HEAD"), response);
    } catch (IOException e) {
      // The client closed the connection; there is nobody left to answer.
    } catch (RuntimeException e) {
      status = 500;
      trySend(exchange, Response.error(500, "internal error"));
    } finally {
      exchange.close();
      log.request(request.method(), request.path(), status, System.nanoTime() - start);
    }
  }

  private void send(HttpExchange exchange, boolean head, Response response) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json; charset=utf-8");
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      headers.set(header.getKey(), header.getValue());
    }
    if (!readiness.isReady()) {
      headers.set("Connection", "close");
    }
    byte[] body = response.body();
    if (head) {
      // The JDK sends no length for HEAD by itself; announce what GET would send.
      headers.set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void trySend(HttpExchange exchange, Response response) {
    try {
      send(exchange, false, response);
    } catch (IOException | RuntimeException e) {
      // Headers were already sent or the client left; closing the exchange is all that is left.
    }
  }
}
