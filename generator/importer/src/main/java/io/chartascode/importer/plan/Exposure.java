package io.chartascode.importer.plan;

import com.palantir.javapoet.CodeBlock;
import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.Value;
import java.util.List;
import java.util.Optional;

/**
 * An Ingress or HTTPRoute read as the model's own object, with the parameters its switch, hosts and
 * annotations are; the source refers to those by their constants.
 */
record Exposure<T>(T object, List<ParameterPlan> parameters) {
  Exposure {
    parameters = List.copyOf(parameters);
  }

  /** {@code Value.of(CONSTANT)} or {@code Value.fixed(...)}. */
  CodeBlock value(Value<?> value) {
    if (value instanceof Value.Ref<?> ref) {
      return CodeBlock.of("$T.of($N)", Value.class, constant(ref.parameter()));
    }
    Object fixed = fixed(value);
    return CodeBlock.of(fixed instanceof String ? "$T.fixed($S)" : "$T.fixed($L)", Value.class, fixed);
  }

  /** The constant that holds {@code parameter}, one of this object's. */
  String constant(Parameter<?> parameter) {
    return parameters.stream().filter(p -> p.name().equals(parameter.name())).findFirst().orElseThrow().constant();
  }

  /** The constant an import holds in a field that is never a parameter there. */
  static <V> V fixed(Value<V> value) {
    if (value instanceof Value.Fixed<V> fixed) {
      return fixed.value();
    }
    throw new IllegalStateException("the importer reads this field as a constant, not " + value);
  }

  /** {@code code.to("port")} where the requests go to a Service port other than the first. */
  static CodeBlock to(CodeBlock code, Optional<String> servicePort) {
    return servicePort.map(port -> CodeBlock.of("$L.to($S)", code, port)).orElse(code);
  }
}
