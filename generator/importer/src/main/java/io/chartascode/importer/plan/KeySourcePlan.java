package io.chartascode.importer.plan;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** A ConfigMap the model writes or a Secret it reads, held in a constant of the generated class. */
public sealed interface KeySourcePlan {
  /** The constant's name, e.g. {@code CONFIG} or {@code DB_CREDENTIALS}. */
  String constant();

  /** A {@code Configuration}: the ConfigMap {@code <app>-<name>-<hash>} with this data. */
  record ConfigurationPlan(String constant, String name, SortedMap<String, String> data) implements KeySourcePlan {
    public ConfigurationPlan {
      data = Collections.unmodifiableSortedMap(new TreeMap<>(data));
    }
  }

  /** A {@code SecretReference}: the Secret's name and the keys the pod reads, each with what reads it. */
  record SecretPlan(String constant, String secretName, SortedMap<String, String> keys) implements KeySourcePlan {}

  /** One key of a source, read as one variable. */
  record KeyRef(KeySourcePlan source, String key) {}

  /** Every key of a source as a variable, with a prefix. */
  record EnvFrom(KeySourcePlan source, String prefix) {}

  /** A volume of a source's keys: all of them, or {@code keys}. */
  record KeyVolume(String name, KeySourcePlan source, List<String> keys) {
    public KeyVolume {
      keys = List.copyOf(keys);
    }
  }
}
