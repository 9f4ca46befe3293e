package io.chartascode.generator.model;

/**
 * A container image as three values, so each can be a parameter: {@code hub/name:tag}.
 *
 * <p>Kustomize's {@code images} transformer rewrites exactly these parts, which is why the model
 * keeps them apart instead of as one string.
 */
public record Image(Value<String> hub, Value<String> name, Value<String> tag) {

  public static Image of(Parameter<String> hub, Parameter<String> name, Parameter<String> tag) {
    return new Image(Value.of(hub), Value.of(name), Value.of(tag));
  }

  /** {@code hub/name}, the repository part without the tag. */
  public Value<String> repository() {
    return Value.join(hub, Value.fixed("/"), name);
  }

  /** {@code hub/name:tag}. */
  public Value<String> reference() {
    return Value.join(hub, Value.fixed("/"), name, Value.fixed(":"), tag);
  }
}
