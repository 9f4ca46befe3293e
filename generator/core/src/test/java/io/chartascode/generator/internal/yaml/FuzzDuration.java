package io.chartascode.generator.internal.yaml;

/** How long each fuzz target fuzzes in {@code ./mvnw verify}; bench/fuzz.sh runs them for minutes. */
final class FuzzDuration {
  static final String VERIFY = "25s";

  private FuzzDuration() {}
}
