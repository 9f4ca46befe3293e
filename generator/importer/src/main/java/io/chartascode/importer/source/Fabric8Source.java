package io.chartascode.importer.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * fabric8 builder code for a piece of Kubernetes YAML, such as a security context or a toleration:
 * {@code new SecurityContextBuilder().withRunAsNonRoot(true).withNewCapabilities()...build()}.
 *
 * <p>One walk decides both what can be written and what is written, so {@link #expressible} (what
 * the importer's own model check sees) and {@link #builder} (the source) cannot disagree. It
 * writes scalars, lists of scalars, nested objects and lists of objects, in fabric8's property
 * order (so the same object always gives the same source, whatever the key order of the input);
 * anything else, and anything fabric8 does not know, is left out, and the report shows it as a
 * difference.
 */
public final class Fabric8Source {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Fabric8Source() {}

  /** The part of {@code tree} that {@link #builder} writes; the rest the model will not render. */
  public static ObjectNode expressible(JsonNode tree, Class<?> type) {
    return walk(tree, type, null, false);
  }

  /** The fabric8 object {@code tree} describes, if it reads as one. */
  public static <T> Optional<T> read(JsonNode tree, Class<T> type) {
    try {
      return Optional.of(MAPPER.treeToValue(tree, type));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** {@code new <Type>Builder()}, then one {@code .withX(...)} per line, indented, then {@code .build()}. */
  public static CodeBlock builder(JsonNode tree, Class<?> type) {
    CodeBlock.Builder code = CodeBlock.builder().add("new $T()$>$>", builderClass(type));
    walk(tree, type, code, false);
    return code.add("\n.build()$<$<").build();
  }

  private static CodeBlock inlineBuilder(JsonNode tree, Class<?> type) {
    CodeBlock.Builder code = CodeBlock.builder().add("new $T()", builderClass(type));
    walk(tree, type, code, true);
    return code.add(".build()").build();
  }

  private static ObjectNode walk(JsonNode tree, Class<?> type, CodeBlock.Builder out, boolean inline) {
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    if (tree == null || !tree.isObject()) {
      return kept;
    }
    Class<?> builder = builderType(type);
    String br = inline ? "" : "\n";
    for (BeanPropertyDefinition property : properties(type)) {
      String field = property.getName();
      JsonNode value = tree.get(field);
      if (value == null || value.isNull() || builder == null) {
        continue;
      }
      JavaType javaType = property.getPrimaryType();
      String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
      Class<?> raw = javaType.getRawClass();
      if (scalar(raw, value) && has(builder, "with" + cap, raw)) {
        kept.set(field, value);
        if (out != null) {
          out.add(br + ".with$L(" + format(raw) + ")", cap, literal(raw, value));
        }
      } else if (raw == IntOrString.class && (value.isTextual() || value.canConvertToInt()) && has(builder, "with" + cap, raw)) {
        // A port by name or number, e.g. a probe's: new IntOrString("http") or new IntOrString(8080).
        kept.set(field, value);
        if (out != null) {
          out.add(br + ".with$L(new $T(" + (value.isTextual() ? "$S" : "$L") + "))", cap, IntOrString.class,
              value.isTextual() ? value.asText() : value.asInt());
        }
      } else if (raw == Quantity.class && (value.isTextual() || value.isNumber()) && has(builder, "with" + cap, raw)) {
        // A size, e.g. an emptyDir's sizeLimit: new Quantity("1Gi").
        kept.set(field, value);
        if (out != null) {
          out.add(br + ".with$L(new $T($S))", cap, Quantity.class, value.asText());
        }
      } else if (List.class.isAssignableFrom(raw) && value.isArray() && !value.isEmpty()) {
        Class<?> element = javaType.getContentType().getRawClass();
        if (!has(builder, "with" + cap, Array.newInstance(element, 0).getClass())) {
          continue;
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        if (items.stream().allMatch(item -> scalar(element, item))) {
          kept.set(field, value);
          if (out != null) {
            List<CodeBlock> args = items.stream().map(i -> CodeBlock.of(format(element), literal(element, i))).toList();
            out.add(br + ".with$L($L)", cap, CodeBlock.join(args, ", "));
          }
        } else if (isFabric8(element) && items.stream().allMatch(JsonNode::isObject)) {
          var keptItems = kept.putArray(field);
          items.forEach(item -> keptItems.add(expressible(item, element)));
          if (out != null) {
            List<CodeBlock> args = items.stream().map(i -> inlineBuilder(i, element)).toList();
            out.add(br + ".with$L($L)", cap, CodeBlock.join(args, ", "));
          }
        }
      } else if (isFabric8(raw) && value.isObject() && has(builder, "withNew" + cap)) {
        if (out != null) {
          out.add(br + ".withNew$L()", cap);
        }
        kept.set(field, walk(value, raw, out, inline));
        if (out != null) {
          out.add(br + ".end$L()", cap);
        }
      }
    }
    return kept;
  }

  private static boolean scalar(Class<?> raw, JsonNode value) {
    return (raw == String.class && value.isTextual())
        || (raw == Boolean.class && value.isBoolean())
        || (raw == Integer.class && value.isIntegralNumber() && value.canConvertToInt())
        || (raw == Long.class && value.isIntegralNumber() && value.canConvertToLong());
  }

  private static String format(Class<?> raw) {
    return raw == String.class ? "$S" : raw == Long.class ? "$LL" : "$L";
  }

  private static Object literal(Class<?> raw, JsonNode value) {
    if (raw == String.class) {
      return value.asText();
    }
    return raw == Long.class ? (Object) value.asLong() : value.isBoolean() ? value.asBoolean() : value.asInt();
  }

  private static List<BeanPropertyDefinition> properties(Class<?> type) {
    JavaType javaType = MAPPER.constructType(type);
    BeanDescription description = MAPPER.getSerializationConfig().introspect(javaType);
    return description.findProperties();
  }

  private static boolean isFabric8(Class<?> type) {
    return type.getName().startsWith("io.fabric8.") && builderType(type) != null;
  }

  private static Class<?> builderType(Class<?> type) {
    try {
      return Class.forName(type.getName() + "Builder", false, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static ClassName builderClass(Class<?> type) {
    return ClassName.get(type.getPackageName(), type.getSimpleName() + "Builder");
  }

  private static boolean has(Class<?> builder, String method, Class<?>... parameters) {
    try {
      builder.getMethod(method, parameters);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
