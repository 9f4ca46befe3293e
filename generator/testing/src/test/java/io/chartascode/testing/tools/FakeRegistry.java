package io.chartascode.testing.tools;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An npm registry on localhost that serves chosen bytes as package tarballs and counts the requests. */
final class FakeRegistry implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, byte[]> tarballs = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private volatile Duration delay = Duration.ZERO;

  private FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static FakeRegistry start() throws IOException {
    return new FakeRegistry();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Serves the package's own tarball. */
  FakeRegistry serve(FakePackage fake) {
    return serve(fake.npmPackage(), fake.tgz());
  }

  /** Serves {@code body} where the registry should serve {@code npmPackage}'s tarball. */
  FakeRegistry serve(NpmPackage npmPackage, byte[] body) {
    tarballs.put(path(npmPackage), body.clone());
    return this;
  }

  /** Answers every request only after {@code delay}, so concurrent callers surely overlap. */
  FakeRegistry delay(Duration delay) {
    this.delay = delay;
    return this;
  }

  int requests(NpmPackage npmPackage) {
    AtomicInteger count = requests.get(path(npmPackage));
    return count == null ? 0 : count.get();
  }

  private String path(NpmPackage npmPackage) {
    return npmPackage.tarballUri(uri()).getPath();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      Thread.sleep(delay.toMillis());
      byte[] body = tarballs.get(path);
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
