package io.chartascode.generator.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Configuration of the application, written as a ConfigMap named {@code <app>-<name>-<hash>}: the
 * hash is Kustomize's content hash, which the chart computes the same way, so a change of any key
 * (in the model, in a values file or by {@code --set}) renames the ConfigMap, changes every pod
 * template that reads it, and rolls the pods under both Helm and Kustomize.
 *
 * <pre>{@code
 * Configuration config = Configuration.builder("config")
 *     .file("application.properties", Path.of("src/main/config/application.properties"))
 *     .value("GREETING", Value.of(GREETING))
 *     .literal("LOG_FORMAT", "json")
 *     .build();
 * }</pre>
 */
public final class Configuration implements KeySource {
  private final String name;
  private final SortedMap<String, ConfigEntry> entries;

  private Configuration(Builder b) {
    this.name = b.name;
    this.entries = Collections.unmodifiableSortedMap(new TreeMap<>(b.entries));
  }

  /** {@code name} is the part after the application's name, e.g. {@code config}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  /** Key to entry, in key order. */
  public SortedMap<String, ConfigEntry> entries() {
    return entries;
  }

  @Override
  public boolean hasKey(String key) {
    return entries.containsKey(key);
  }

  @Override
  public <R> R match(Function<Configuration, R> configuration, Function<SecretReference, R> secret) {
    return configuration.apply(this);
  }

  @Override
  public String toString() {
    return "configuration '" + name + "'";
  }

  /** Builds a {@link Configuration}. */
  public static final class Builder {
    private final String name;
    private final SortedMap<String, ConfigEntry> entries = new TreeMap<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** {@code key} holds fixed text. */
    public Builder literal(String key, String value) {
      return entry(key, new ConfigEntry.Text(Value.fixed(value)));
    }

    /** {@code key} holds {@code value}, e.g. {@code Value.of(parameter)}, set per environment and at install. */
    public Builder value(String key, Value<String> value) {
      return entry(key, new ConfigEntry.Text(value));
    }

    /** {@code key} holds the content of a text file, relative to the project directory. */
    public Builder file(String key, Path source) {
      return entry(key, new ConfigEntry.File(source));
    }

    /** {@link #file(String, Path)} with the file's name as the key. */
    public Builder file(Path source) {
      return file(source.getFileName().toString(), source);
    }

    private Builder entry(String key, ConfigEntry entry) {
      Objects.requireNonNull(key, "key");
      if (entries.putIfAbsent(key, entry) != null) {
        throw new IllegalArgumentException(this.name + ": key '" + key + "' is set twice");
      }
      return this;
    }

    public Configuration build() {
      return new Configuration(this);
    }
  }
}
