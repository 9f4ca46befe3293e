package io.chartascode.generator.model;

import java.util.Objects;

/** One key of a ConfigMap or Secret, read as one environment variable. */
public record KeyRef(KeySource source, String key) {
  public KeyRef {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(key, "key");
  }
}
