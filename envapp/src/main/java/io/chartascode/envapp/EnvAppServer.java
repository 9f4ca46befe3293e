package io.chartascode.envapp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

/**
 * A running envapp: the JDK HTTP server, its bounded executor and its readiness, wired from a
 * {@link Config} and an environment. Tests start it in-process on port 0; {@link Main} starts it
 * with the real environment and drives its shutdown.
 */
final class EnvAppServer implements AutoCloseable {

  private static final int BACKLOG = 128;

  private final HttpServer server;
  private final BoundedExecutor executor;
  private final Readiness readiness;

  private EnvAppServer(HttpServer server, BoundedExecutor executor, Readiness readiness) {
    this.server = server;
    this.executor = executor;
    this.readiness = readiness;
  }

  static EnvAppServer start(Config config, Map<String, String> env, AccessLog log)
      throws IOException {
    HttpServerTuning.apply(); // before HttpServer.create loads the JDK's server configuration
    Redactor redactor = new Redactor(config);
    redactor.revealWarning().ifPresent(warning -> log.warning("reveal", warning));
    byte[] envJson = Json.object(redactor.apply(env));
    Readiness readiness = new Readiness();
    BoundedExecutor executor = BoundedExecutor.create(config.maxInFlight(), config.workers());
    HttpServer server =
        HttpServer.create(new InetSocketAddress(Config.BIND_ADDRESS, config.port()), BACKLOG);
    server.createContext("/", new EnvAppHandler(new Router(envJson, readiness), readiness, log));
    server.setExecutor(executor);
    server.start();
    return new EnvAppServer(server, executor, readiness);
  }

  int port() {
    return server.getAddress().getPort();
  }

  String threads() {
    return executor.description();
  }

  int inFlight() {
    return executor.inFlight();
  }

  /**
   * The graceful stop: readiness turns 503 at once while everything is still served for {@code
   * delay}; then no new connection is accepted, and in-flight requests get up to {@code grace} to
   * finish.
   *
   * @return true if every in-flight request finished within the grace period
   */
  boolean shutdown(Duration delay, Duration grace) throws InterruptedException {
    readiness.markDraining();
    Thread.sleep(delay.toMillis());
    // HttpServer.stop closes the listener at once, then waits for exchanges. How long it waits
    // with none in flight differs between JDK 17 updates, so we wait on our own count instead.
    Thread stopper = new Thread(() -> server.stop(seconds(grace)), "envapp-stop");
    stopper.setDaemon(true);
    stopper.start();
    long deadline = System.nanoTime() + grace.toNanos();
    int idleChecks = 0;
    while (idleChecks < 2) { // two idle looks 10 ms apart: the listener is closed by then
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(10);
      idleChecks = executor.inFlight() == 0 ? idleChecks + 1 : 0;
    }
    return true;
  }

  /** Stops at once; for tests and for failed starts. */
  @Override
  public void close() {
    readiness.markDraining();
    server.stop(0);
    executor.shutdownNow();
  }

  private static int seconds(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, (d.toMillis() + 999) / 1000));
  }
}
