package io.chartascode.generator.model;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A Secret the application reads but never creates: its values stay out of the model, the values
 * files, the chart and git. The model names the Secret and the keys it must have; the chart's
 * README and NOTES list them for whoever installs it. The name may come from a parameter, so that
 * each environment reads its own Secret.
 *
 * <pre>{@code
 * SecretReference db = SecretReference.builder(Value.of(DB_SECRET))
 *     .key("password", "the database user's password")
 *     .build();
 * }</pre>
 */
public final class SecretReference implements KeySource {
  private final Value<String> name;
  private final SortedMap<String, String> keys;

  private SecretReference(Builder b) {
    this.name = b.name;
    this.keys = Collections.unmodifiableSortedMap(new TreeMap<>(b.keys));
  }

  /** A Secret with a fixed name. */
  public static Builder builder(String name) {
    return builder(Value.fixed(name));
  }

  /** A Secret whose name is a value, e.g. a parameter each environment sets. */
  public static Builder builder(Value<String> name) {
    return new Builder(name);
  }

  public Value<String> name() {
    return name;
  }

  /** The keys the application reads, each with what it holds. */
  public SortedMap<String, String> keys() {
    return keys;
  }

  @Override
  public boolean hasKey(String key) {
    return keys.containsKey(key);
  }

  @Override
  public <R> R match(Function<Configuration, R> configuration, Function<SecretReference, R> secret) {
    return secret.apply(this);
  }

  /** {@code db}, or {@code named by db.secretName} where a parameter names it: for messages. */
  public String displayName() {
    return name instanceof Value.Fixed<String> fixed
        ? fixed.value()
        : "named by " + String.join(", ", name.parameters().map(Parameter::name).toList());
  }

  @Override
  public String toString() {
    return "Secret " + displayName();
  }

  /** Builds a {@link SecretReference}. */
  public static final class Builder {
    private final Value<String> name;
    private final SortedMap<String, String> keys = new TreeMap<>();

    private Builder(Value<String> name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** A key the Secret must have, with a description for the chart's README. */
    public Builder key(String key, String description) {
      keys.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(description, "description"));
      return this;
    }

    public SecretReference build() {
      return new SecretReference(this);
    }
  }
}
