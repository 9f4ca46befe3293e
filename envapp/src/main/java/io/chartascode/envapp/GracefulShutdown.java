package io.chartascode.envapp;

/**
 * Runs as the JVM's shutdown hook, so on SIGTERM (or SIGINT): readiness turns 503, in-flight
 * requests drain within the grace period, then the process halts with status 0. A JVM ended by
 * SIGTERM would otherwise exit 143, which reports a clean stop as a failure. Public API only, so no
 * jdk.unsupported (sun.misc.Signal) is needed.
 */
final class GracefulShutdown implements Runnable {

  private final EnvAppServer server;
  private final Config config;
  private final AccessLog log;

  GracefulShutdown(EnvAppServer server, Config config, AccessLog log) {
    this.server = server;
    this.config = config;
    this.log = log;
  }

  static void install(EnvAppServer server, Config config, AccessLog log) {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(new GracefulShutdown(server, config, log), "envapp-shutdown"));
  }

  @Override
  public void run() {
    log.draining(server.inFlight());
    boolean drained;
    try {
      drained = server.shutdown(config.shutdownDelay(), config.shutdownGrace());
    } catch (InterruptedException e) {
      drained = false;
    }
    log.stopped(drained);
    // Other threads (the JDK server's) still run during shutdown hooks; halt ends them with 0.
    Runtime.getRuntime().halt(0);
  }
}
