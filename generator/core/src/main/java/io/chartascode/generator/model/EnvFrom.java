package io.chartascode.generator.model;

import java.util.Objects;

/** Every key of a ConfigMap or Secret as an environment variable, named {@code prefix + key}. */
public record EnvFrom(KeySource source, String prefix) {
  public EnvFrom {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(prefix, "prefix");
  }
}
