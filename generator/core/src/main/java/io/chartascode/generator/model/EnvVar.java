package io.chartascode.generator.model;

import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.EnvVarSourceBuilder;
import java.util.Objects;
import java.util.function.Function;

/**
 * An environment variable: a string value (Kubernetes only accepts strings there), one key of the
 * application's {@link Configuration} or of a {@link SecretReference}, or a value the kubelet fills
 * in from a source, such as the pod's name ({@code fieldRef}) or a container's limit ({@code
 * resourceFieldRef}).
 */
public final class EnvVar {
  private final String name;
  private final Value<String> value;
  private final KeyRef key;
  private final EnvVarSource source;

  private EnvVar(String name, Value<String> value, KeyRef key, EnvVarSource source) {
    this.name = Objects.requireNonNull(name, "name");
    this.value = value;
    this.key = key;
    this.source = source;
  }

  /** {@code name} with a value. */
  public static EnvVar of(String name, Value<String> value) {
    return new EnvVar(name, Objects.requireNonNull(value, "value"), null, null);
  }

  /**
   * {@code name} from one key of a {@link Configuration} ({@code configMapKeyRef}, by the name the
   * generator gives the ConfigMap) or of a {@link SecretReference} ({@code secretKeyRef}).
   */
  public static EnvVar from(String name, KeySource source, String key) {
    return new EnvVar(name, null, new KeyRef(source, key), null);
  }

  /** {@code name} filled in from {@code source}, e.g. {@code fieldRef: {fieldPath: metadata.name}}. */
  public static EnvVar from(String name, EnvVarSource source) {
    return new EnvVar(name, null, null, Objects.requireNonNull(source, "source"));
  }

  /** {@code name} from the downward API's {@code fieldPath}, e.g. {@code metadata.namespace}. */
  public static EnvVar fromField(String name, String fieldPath) {
    return from(name, new EnvVarSourceBuilder().withNewFieldRef().withFieldPath(fieldPath).endFieldRef().build());
  }

  public String name() {
    return name;
  }

  /** One answer for each kind of variable; the compiler sees all three handled. */
  public <R> R match(
      Function<Value<String>, R> withValue, Function<KeyRef, R> fromKey, Function<EnvVarSource, R> fromSource) {
    if (value != null) {
      return withValue.apply(value);
    }
    return key != null ? fromKey.apply(key) : fromSource.apply(source);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnvVar other && name.equals(other.name) && Objects.equals(value, other.value)
        && Objects.equals(key, other.key) && Objects.equals(source, other.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, value, key, source);
  }

  @Override
  public String toString() {
    return name + "=" + (value != null ? value : key != null ? key : source);
  }
}
