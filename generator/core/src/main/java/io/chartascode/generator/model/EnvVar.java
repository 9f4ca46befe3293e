package io.chartascode.generator.model;

/** An environment variable with a string value. Kubernetes only accepts strings here. */
public record EnvVar(String name, Value<String> value) {

  public static EnvVar of(String name, Value<String> value) {
    return new EnvVar(name, value);
  }
}
