package io.chartascode.generator.model;

/** A named port the container listens on. Services refer to it by name. */
public record ContainerPort(String name, Value<Integer> port) {

  /** The conventional {@code http} port. */
  public static ContainerPort http(int port) {
    return new ContainerPort("http", Value.fixed(port));
  }

  public static ContainerPort named(String name, Value<Integer> port) {
    return new ContainerPort(name, port);
  }
}
