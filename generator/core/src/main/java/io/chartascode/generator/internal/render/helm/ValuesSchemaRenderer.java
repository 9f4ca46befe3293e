package io.chartascode.generator.internal.render.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chartascode.generator.internal.k8s.Labels;
import io.chartascode.generator.model.Application;
import io.chartascode.generator.model.ChartParameters;
import io.chartascode.generator.model.EnvVar;
import io.chartascode.generator.model.Parameter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code values.schema.json} from the parameter types, so {@code helm install}, {@code lint} and
 * {@code template} reject a bad value before anything renders. Draft 7, which Helm 3 and Helm 4
 * both implement. Every object is closed ({@code additionalProperties: false}) because a typo in
 * a key would otherwise be ignored silently.
 */
final class ValuesSchemaRenderer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private ValuesSchemaRenderer() {}

  static String render(Application app) {
    ObjectNode root = JSON.objectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("title", app.name() + " values");
    root.put("type", "object");
    root.put("additionalProperties", false);
    for (Parameter<?> p : ChartParameters.of(app)) {
      ObjectNode parent = root;
      List<String> path = p.path();
      for (String segment : path.subList(0, path.size() - 1)) {
        parent = child(parent, segment);
      }
      properties(parent).set(path.get(path.size() - 1), schema(p, reservedKeys(app, p)));
      required(parent).add(path.get(path.size() - 1));
    }
    return write(root);
  }

  private static ObjectNode child(ObjectNode parent, String name) {
    ObjectNode properties = properties(parent);
    if (!properties.has(name)) {
      ObjectNode object = JSON.objectNode();
      object.put("type", "object");
      object.put("additionalProperties", false);
      properties.set(name, object);
      required(parent).add(name);
    }
    return (ObjectNode) properties.get(name);
  }

  private static ObjectNode properties(ObjectNode object) {
    if (!object.has("properties")) {
      object.set("properties", JSON.objectNode());
    }
    return (ObjectNode) object.get("properties");
  }

  private static ArrayNode required(ObjectNode object) {
    if (!object.has("required")) {
      object.set("required", JSON.arrayNode());
    }
    return (ArrayNode) object.get("required");
  }

  /** Names the model already sets, which the extra-env map may not repeat (no duplicate env vars). */
  /** Keys a map parameter may not set: variables the model sets itself, the application's own labels. */
  private static List<String> reservedKeys(Application app, Parameter<?> p) {
    if (app.workload().podLabels().filter(p::equals).isPresent() || app.labels().filter(p::equals).isPresent()) {
      return Labels.RESERVED.stream().sorted().toList();
    }
    return app.workload().containers().stream()
        .filter(c -> c.extraEnv().filter(p::equals).isPresent())
        .flatMap(c -> c.env().stream().map(EnvVar::name))
        .distinct()
        .toList();
  }

  private static ObjectNode schema(Parameter<?> p, List<String> reservedKeys) {
    ObjectNode s = JSON.objectNode();
    if (!p.description().isEmpty()) {
      s.put("description", p.description());
    }
    switch (p.type()) {
      case CPU_QUANTITY, MEMORY_QUANTITY -> {
        // As Kubernetes types a quantity: a string in its grammar, or a plain number (cpu: 2).
        ArrayNode anyOf = s.putArray("anyOf");
        ObjectNode text = anyOf.addObject().put("type", "string");
        p.pattern().ifPresent(pattern -> text.put("pattern", pattern.pattern()));
        anyOf.addObject().put("type", "number").put("minimum", 0);
      }
      case STRING -> {
        s.put("type", "string");
        p.pattern().ifPresent(pattern -> s.put("pattern", pattern.pattern()));
        if (!p.allowedValues().isEmpty()) {
          ArrayNode allowed = s.putArray("enum");
          p.allowedValues().forEach(allowed::add);
        }
        if (!p.forbiddenValues().isEmpty()) {
          ArrayNode forbidden = s.putObject("not").putArray("enum");
          p.forbiddenValues().forEach(forbidden::add);
        }
      }
      case BOOLEAN -> s.put("type", "boolean");
      case INTEGER -> {
        s.put("type", "integer");
        p.minimum().ifPresent(min -> s.put("minimum", min));
        p.maximum().ifPresent(max -> s.put("maximum", max));
      }
      case STRING_MAP -> {
        s.put("type", "object");
        if (p.pattern().isPresent() || !reservedKeys.isEmpty()) {
          ObjectNode names = s.putObject("propertyNames");
          p.pattern().ifPresent(pattern -> names.put("pattern", pattern.pattern()));
          if (!reservedKeys.isEmpty()) {
            ArrayNode reserved = names.putObject("not").putArray("enum");
            reservedKeys.forEach(reserved::add);
          }
        }
        s.putObject("additionalProperties").put("type", "string");
      }
    }
    return s;
  }

  /** Two-space indent, {@code "key": value}, LF only and one trailing newline, on every OS. */
  private static String write(ObjectNode root) {
    DefaultIndenter lf = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(lf)
            .withObjectIndenter(lf);
    try {
      return MAPPER.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
