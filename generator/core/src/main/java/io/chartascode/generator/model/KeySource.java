package io.chartascode.generator.model;

import java.util.function.Function;

/**
 * Named keys a pod reads, as environment variables or as files: the application's own {@link
 * Configuration} (a ConfigMap the generator writes) or a {@link SecretReference} (a Secret that
 * someone else creates). Env vars ({@link EnvVar#from(String, KeySource, String)}), {@code envFrom}
 * ({@link Container.Builder#envFrom}) and volumes ({@link Workload.Builder#volume(String, KeySource,
 * String...)}) take either, and the generator writes the reference the kind needs.
 */
public sealed interface KeySource permits Configuration, SecretReference {
  /** Whether {@code key} is one of the keys this source has. */
  boolean hasKey(String key);

  /** One answer for each kind of source; the compiler sees both handled. */
  <R> R match(Function<Configuration, R> configuration, Function<SecretReference, R> secret);
}
