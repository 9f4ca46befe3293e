package io.chartascode.generator.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A field of the model whose value is either fixed or comes from a {@link Parameter}.
 *
 * <p>A value is data, not a string: the Kustomize side {@link #evaluate evaluates} it for one
 * environment, and the Helm side turns the same tree into a template expression of the right type.
 * That is what keeps the two outputs equal by construction.
 */
public sealed interface Value<T> permits Value.Fixed, Value.Ref, Value.AsText, Value.Join {

  /** The value for the given parameter values. */
  T evaluate(ParameterValues values);

  /** The parameters this value reads, for validation ("is every parameter declared?"). */
  Stream<Parameter<?>> parameters();

  static <T> Value<T> fixed(T value) {
    return new Fixed<>(value);
  }

  static <T> Value<T> of(Parameter<T> parameter) {
    return new Ref<>(parameter);
  }

  /** The text form of a boolean or integer parameter: {@code true} becomes {@code "true"}. */
  static Value<String> asText(Parameter<?> parameter) {
    return new AsText(parameter);
  }

  /** The concatenation of the parts, e.g. {@code hub + "/" + image + ":" + tag}. */
  @SafeVarargs
  static Value<String> join(Value<String>... parts) {
    return new Join(List.of(parts));
  }

  /** A constant. */
  record Fixed<T>(T value) implements Value<T> {
    public Fixed {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public T evaluate(ParameterValues values) {
      return value;
    }

    @Override
    public Stream<Parameter<?>> parameters() {
      return Stream.empty();
    }
  }

  /** The current value of a parameter. */
  record Ref<T>(Parameter<T> parameter) implements Value<T> {
    public Ref {
      Objects.requireNonNull(parameter, "parameter");
    }

    @Override
    public T evaluate(ParameterValues values) {
      return values.get(parameter);
    }

    @Override
    public Stream<Parameter<?>> parameters() {
      return Stream.of(parameter);
    }
  }

  /** A boolean or integer parameter, as text. */
  record AsText(Parameter<?> parameter) implements Value<String> {
    public AsText {
      if (parameter.type() != ParameterType.BOOLEAN && parameter.type() != ParameterType.INTEGER) {
        throw new IllegalArgumentException(
            parameter.name() + ": only boolean and integer parameters have a text form");
      }
    }

    @Override
    public String evaluate(ParameterValues values) {
      return String.valueOf(values.get(parameter));
    }

    @Override
    public Stream<Parameter<?>> parameters() {
      return Stream.of(parameter);
    }
  }

  /** Text parts joined without a separator. */
  record Join(List<Value<String>> parts) implements Value<String> {
    public Join {
      parts = List.copyOf(parts);
    }

    @Override
    public String evaluate(ParameterValues values) {
      return parts.stream().map(p -> p.evaluate(values)).collect(Collectors.joining());
    }

    @Override
    public Stream<Parameter<?>> parameters() {
      return parts.stream().flatMap(Value::parameters);
    }
  }
}
