package io.chartascode.envapp;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything envapp reads from its environment, parsed once at start. Bad values fail the start
 * with a message that names the variable, the value and the allowed range.
 *
 * @param port {@code PORT}; default 8080. 0 binds a free port (tests read it from the start line).
 * @param reveal {@code ENVAPP_REVEAL}: comma-separated names whose values are shown unredacted;
 *     default none.
 * @param secretEnv {@code ENVAPP_SECRET_ENV}: comma-separated names of variables that come from a
 *     Secret; always masked, even when revealed. The chart writes it from the model; default none.
 * @param maxInFlight {@code ENVAPP_MAX_IN_FLIGHT}: requests accepted at once (queued or running);
 *     beyond it new work is refused by closing the connection; default 256.
 * @param workers {@code ENVAPP_WORKERS}: platform threads serving requests on JDK 17-20 (JDK 21+
 *     uses virtual threads, bounded by maxInFlight); default 8.
 * @param shutdownDelay {@code ENVAPP_SHUTDOWN_DELAY_MS}: after SIGTERM, how long /readyz answers
 *     503 while everything else is still served, so load balancers stop routing first; default 2 s.
 * @param shutdownGrace {@code ENVAPP_SHUTDOWN_GRACE_MS}: then, how long in-flight requests may take
 *     to finish before the process exits anyway; default 10 s.
 */
record Config(
    int port,
    Set<String> reveal,
    Set<String> secretEnv,
    int maxInFlight,
    int workers,
    Duration shutdownDelay,
    Duration shutdownGrace) {

  /** Always 0.0.0.0: the pod IP and loopback both reach it. */
  static final String BIND_ADDRESS = "0.0.0.0";

  Config {
    reveal = Set.copyOf(reveal);
    secretEnv = Set.copyOf(secretEnv);
  }

  static Config defaults() {
    return fromEnv(Map.of());
  }

  static Config fromEnv(Map<String, String> env) {
    return new Config(
        intVar(env, "PORT", 8080, 0, 65_535),
        names(env.getOrDefault("ENVAPP_REVEAL", "")),
        names(env.getOrDefault("ENVAPP_SECRET_ENV", "")),
        intVar(env, "ENVAPP_MAX_IN_FLIGHT", 256, 1, 100_000),
        intVar(env, "ENVAPP_WORKERS", 8, 1, 1_000),
        Duration.ofMillis(intVar(env, "ENVAPP_SHUTDOWN_DELAY_MS", 2_000, 0, 600_000)),
        Duration.ofMillis(intVar(env, "ENVAPP_SHUTDOWN_GRACE_MS", 10_000, 0, 600_000)));
  }

  Config withPort(int newPort) {
    return new Config(
        newPort, reveal, secretEnv, maxInFlight, workers, shutdownDelay, shutdownGrace);
  }

  Config withReveal(Set<String> names) {
    return new Config(port, names, secretEnv, maxInFlight, workers, shutdownDelay, shutdownGrace);
  }

  Config withSecretEnv(Set<String> names) {
    return new Config(port, reveal, names, maxInFlight, workers, shutdownDelay, shutdownGrace);
  }

  private static int intVar(Map<String, String> env, String name, int fallback, int min, int max) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below with the allowed range.
    }
    throw new IllegalArgumentException(
        name
            + " must be an integer from "
            + min
            + " to "
            + max
            + ", got '"
            + raw
            + "'; perhaps you should unset it to use the default "
            + fallback);
  }

  private static Set<String> names(String csv) {
    return Arrays.stream(csv.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
