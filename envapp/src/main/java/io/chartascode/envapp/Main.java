package io.chartascode.envapp;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Entry point: configure from the environment, serve, and on SIGTERM drain and exit 0 (see {@link
 * GracefulShutdown}). With the single argument {@code --smoke-test} it runs {@link SmokeTest}
 * instead.
 *
 * <p>Exit codes: 0 after a signal-driven stop, 1 if the port cannot be bound (or the smoke test
 * fails), 2 on bad configuration or arguments.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    AccessLog log = AccessLog.stdout();
    Map<String, String> env = System.getenv();
    if (args.length > 0) {
      boolean smokeTest = args.length == 1 && args[0].equals("--smoke-test");
      if (!smokeTest) {
        log.error("arguments", "unknown " + List.of(args) + "; the only argument is --smoke-test");
      }
      System.exit(smokeTest ? SmokeTest.run(env, log) : 2);
      return;
    }
    Config config;
    try {
      config = Config.fromEnv(env);
    } catch (IllegalArgumentException e) {
      log.error("config", e.getMessage());
      System.exit(2);
      return;
    }
    EnvAppServer server;
    try {
      server = EnvAppServer.start(config, env, log);
    } catch (IOException e) {
      log.error("bind", "cannot listen on port " + config.port() + ": " + e);
      System.exit(1);
      return;
    }
    GracefulShutdown.install(server, config, log);
    log.started(server.port(), Version.current(), server.threads());
    // main ends here; the JDK server's dispatcher thread keeps the JVM serving until a signal.
  }
}
