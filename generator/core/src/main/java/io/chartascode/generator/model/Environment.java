package io.chartascode.generator.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named deployment target (dev, prod, ...) as typed overrides of an application's parameters.
 *
 * <p>One environment yields both {@code values-<name>.yaml} for Helm and {@code overlays/<name>/}
 * for Kustomize; neither renderer knows any environment by name.
 */
public final class Environment {
  private final String name;
  private final String namespace;
  private final Map<Parameter<?>, Object> overrides;

  private Environment(Builder builder) {
    this.name = builder.name;
    this.namespace = builder.namespace;
    this.overrides = Collections.unmodifiableMap(new LinkedHashMap<>(builder.overrides));
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  /**
   * The namespace the environment deploys into: Kustomize's {@code namespace}, and the Helm
   * release namespace ({@code helm install -n}). Default: none, which leaves it to the user.
   */
  public Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }

  /** The overridden parameters in the order they were set. */
  public Map<Parameter<?>, Object> overrides() {
    return overrides;
  }

  /** Builds an {@link Environment}. */
  public static final class Builder {
    private final String name;
    private String namespace;
    private final Map<Parameter<?>, Object> overrides = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /**
     * Overrides a parameter with a value of its own type. Maps merge into the default, as Helm
     * merges values files; see {@link ParameterValues#with}.
     */
    public <T> Builder set(Parameter<T> parameter, T value) {
      return setUnchecked(parameter, value);
    }

    /**
     * Overrides a parameter with a value whose type is only known at run time (e.g. read from a
     * file); validation reports a wrong type instead of a ClassCastException later.
     */
    public Builder setUnchecked(Parameter<?> parameter, Object value) {
      overrides.put(Objects.requireNonNull(parameter, "parameter"), value);
      return this;
    }

    public Environment build() {
      return new Environment(this);
    }
  }
}
