package io.chartascode.generator.internal.render.helm;

import io.chartascode.generator.model.Parameter;
import io.chartascode.generator.model.ParameterType;
import io.chartascode.generator.model.Value;
import io.chartascode.generator.internal.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Go-template text for {@link Value}s, typed by construction: text values always end in
 * {@code | quote}, integers and booleans never do. So {@code tag: "1.10"} stays a string and
 * {@code port: 80} stays a number, whatever the user's values file says.
 */
final class HelmExpressions {
  private HelmExpressions() {}

  /** {@code .Values.autoscaling.minReplicas}: a pipeline, without braces. */
  static String valuesPath(Parameter<?> parameter) {
    return ".Values." + parameter.name();
  }

  /** {@code .Values.service.port} for a parameter, or the literal for a fixed value. */
  static String valuesPathOrLiteral(Value<?> value) {
    if (value instanceof Value.Ref<?> ref) {
      return valuesPath(ref.parameter());
    }
    return pipeline(value);
  }

  /**
   * A value as the operand of a comparison, unquoted: {@code (toString .Values.host)}, {@code
   * (printf "%s.example.com" .Values.name)} or a literal, so that a parameter and a fixed value of
   * the same text are {@code eq}.
   */
  static String operand(Value<?> value) {
    if (value instanceof Value.Ref<?> ref) {
      return "(toString " + valuesPath(ref.parameter()) + ")";
    }
    if (value instanceof Value.AsText text) {
      return "(toString " + valuesPath(text.parameter()) + ")";
    }
    if (value instanceof Value.Join join) {
      return "(" + join(join.parts()) + ")";
    }
    if (value instanceof Value.Fixed<?> fixed) {
      return goString(String.valueOf(fixed.value()));
    }
    throw new IllegalArgumentException("no template form for " + value);
  }

  /** A whole action, e.g. {@code {{ .Values.tag | quote }}}. */
  static String action(Value<?> value) {
    return "{{ " + pipeline(value) + " }}";
  }

  /**
   * A boolean pipeline for {@code if}: the parameter, or {@code true}/{@code false} for a fixed
   * condition, which Go templates read as constants (the object is then always, or never, there).
   */
  static String condition(Value<Boolean> value) {
    if (value instanceof Value.Ref<Boolean> ref) {
      return valuesPath(ref.parameter());
    }
    if (value instanceof Value.Fixed<Boolean> fixed) {
      return String.valueOf(fixed.value());
    }
    throw new IllegalArgumentException("conditions must be boolean parameters or fixed, got " + value);
  }

  private static String pipeline(Value<?> value) {
    if (value instanceof Value.Ref<?> ref) {
      Parameter<?> p = ref.parameter();
      return p.type().isText() ? valuesPath(p) + " | quote" : valuesPath(p);
    }
    if (value instanceof Value.AsText text) {
      return valuesPath(text.parameter()) + " | toString | quote";
    }
    if (value instanceof Value.Join join) {
      return join(join.parts()) + " | quote";
    }
    if (value instanceof Value.Fixed<?> fixed) {
      Object v = fixed.value();
      return v instanceof String s ? goString(s) : String.valueOf(v);
    }
    throw new IllegalArgumentException("no template form for " + value);
  }

  /** {@code printf "%s/%s:%s" .Values.hub .Values.image .Values.tag}. */
  private static String join(List<Value<String>> parts) {
    StringBuilder format = new StringBuilder();
    List<String> args = new ArrayList<>();
    for (Value<String> part : parts) {
      if (part instanceof Value.Fixed<String> fixed) {
        format.append(fixed.value().replace("%", "%%"));
      } else if (part instanceof Value.Ref<String> ref && ref.parameter().type() != ParameterType.STRING_MAP) {
        format.append("%s");
        args.add(valuesPath(ref.parameter()));
      } else {
        throw new IllegalArgumentException("only fixed text and text parameters can be joined: " + part);
      }
    }
    return "printf " + goString(format.toString()) + " " + String.join(" ", args);
  }

  /** A Go interpreted string literal, on one line: control characters and line separators escaped. */
  static String goString(String s) {
    StringBuilder literal = new StringBuilder("\"");
    s.codePoints().forEach(cp -> {
      if (cp == '"' || cp == '\\') {
        literal.append('\\').appendCodePoint(cp);
      } else if (cp < 0x20 || cp == 0x7f || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
        literal.append(String.format("\\u%04x", cp));
      } else {
        literal.appendCodePoint(cp);
      }
    });
    return literal.append('"').toString();
  }

  /**
   * Fixed text at a place of a template: as a YAML string, unless Go's template engine would read
   * part of it as an action; then as a quoted Go string literal, which it prints as it is.
   */
  static YamlScalar text(String text) {
    return text.contains("{{") ? YamlScalar.raw("{{ " + goString(text) + " | quote }}") : YamlScalar.string(text);
  }
}
