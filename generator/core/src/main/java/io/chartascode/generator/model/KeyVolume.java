package io.chartascode.generator.model;

import java.util.List;
import java.util.Objects;

/**
 * A volume of a ConfigMap's or a Secret's keys as files, each named after its key: all keys, or
 * only {@code keys}. Containers mount it read-only ({@link Container.Builder#mountReadOnly}); a
 * Secret's files are readable by their owner only (mode 0400).
 */
public record KeyVolume(String name, KeySource source, List<String> keys) {
  public KeyVolume {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    keys = List.copyOf(keys);
  }
}
