package io.chartascode.importer.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chartascode.importer.ImportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads multi-document YAML (plain manifests, {@code helm template} or {@code kubectl kustomize}
 * output) into objects that remember the line of every field. Fails on the first input it cannot
 * use, naming file and line: text that is not YAML, a document that is not an object, an object
 * without {@code kind}, a duplicated key, or the same object twice.
 */
public final class ManifestReader {
  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private ManifestReader() {}

  /** Every object in these files; a directory stands for its {@code *.yaml} and {@code *.yml} files. */
  public static List<InputObject> read(List<Path> paths) {
    if (paths.isEmpty()) {
      throw new ImportException("no input files; name one or more YAML files or directories");
    }
    List<InputObject> objects = new ArrayList<>();
    Map<String, InputObject> seen = new LinkedHashMap<>();
    for (Path file : expand(paths)) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ImportException(file + ": cannot read: " + e.getMessage(), e);
      }
      for (InputObject object : parse(file.toString(), text)) {
        String key = object.kind() + "/" + object.tree().path("metadata").path("namespace").asText("") + "/" + object.name();
        InputObject first = seen.putIfAbsent(key, object);
        if (first != null && !object.name().isEmpty()) {
          throw new ImportException(
              object.where() + ": " + object.id() + " is defined twice (first at " + first.where()
                  + "); remove one of them, or import the files one at a time");
        }
        objects.add(object);
      }
    }
    if (objects.isEmpty()) {
      throw new ImportException(
          String.join(", ", paths.stream().map(Path::toString).toList()) + ": no Kubernetes objects found");
    }
    return objects;
  }

  /** The objects of one YAML text; {@code file} is only used in messages. */
  public static List<InputObject> parse(String file, String text) {
    List<InputObject> objects = new ArrayList<>();
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        int line = parser.currentTokenLocation().getLineNr();
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root = node(parser, token, "", lines, file);
        if (root.isNull() || (root.isTextual() && root.asText().isEmpty())) {
          continue; // an empty document, e.g. a trailing "---"
        }
        if (!(root instanceof ObjectNode tree)) {
          throw new ImportException(
              file + ":" + line + ": expected a Kubernetes object (a mapping with apiVersion and kind), found "
                  + (root.isArray() ? "a list" : "the scalar " + root));
        }
        JsonNode kind = tree.get("kind");
        if (kind == null || !kind.isTextual() || kind.asText().isBlank()) {
          throw new ImportException(file + ":" + line + ": " + noKind(tree));
        }
        JsonNode name = tree.path("metadata").path("name");
        objects.add(
            new InputObject(file, kind.asText(), name.isTextual() ? name.asText() : "", tree, new SourceLines(line, lines)));
      }
    } catch (JsonProcessingException e) {
      throw notYaml(file, text, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }

  private static String noKind(ObjectNode tree) {
    String message = "no kind: every Kubernetes object needs apiVersion and kind";
    if (tree.has("apiVersion") && tree.has("name") && tree.has("version")) {
      return message + " (this looks like a chart's Chart.yaml: render the chart first,"
          + " helm template <release> <chart-dir> > rendered.yaml, and import rendered.yaml)";
    }
    if (!tree.has("apiVersion")) {
      return message + " (if this is a values file, render the chart with it first:"
          + " helm template <release> <chart-dir> -f <values> > rendered.yaml)";
    }
    return message;
  }

  private static ImportException notYaml(String file, String text, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    int line = location == null ? -1 : location.getLineNr();
    String problem = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
    String where = line > 0 ? file + ":" + line : file;
    String hint = text.contains("{{")
        ? " (it contains {{ ... }}: this is a Helm template, not rendered YAML; run"
            + " helm template <release> <chart-dir> > rendered.yaml and import rendered.yaml)"
        : "";
    return new ImportException(where + ": not valid YAML: " + problem + hint, e);
  }

  private static JsonNode node(
      JsonParser parser, JsonToken token, String pointer, Map<String, Integer> lines, String file)
      throws IOException {
    lines.putIfAbsent(pointer.isEmpty() ? "/" : pointer, parser.currentTokenLocation().getLineNr());
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          int line = parser.currentTokenLocation().getLineNr();
          if (object.has(field)) {
            throw new ImportException(file + ":" + line + ": duplicate key '" + field + "'; YAML keys must be unique");
          }
          String child = pointer + "/" + field.replace("~", "~0").replace("/", "~1");
          lines.put(child, line);
          object.set(field, node(parser, parser.nextToken(), child, lines, file));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          array.add(node(parser, next, pointer + "/" + array.size(), lines, file));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        try {
          // Exact, so that a quantity written as 0.50 keeps its text.
          return NODES.numberNode(new BigDecimal(parser.getText()));
        } catch (NumberFormatException e) {
          return NODES.numberNode(parser.getDoubleValue()); // .inf, .nan
        }
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> {
        return NODES.textNode(parser.getText());
      }
    }
  }

  private static List<Path> expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> children = Files.list(path)) {
          List<Path> yaml =
              children
                  .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                  .filter(Files::isRegularFile)
                  .sorted()
                  .toList();
          if (yaml.isEmpty()) {
            throw new ImportException(path + ": a directory without *.yaml or *.yml files");
          }
          files.addAll(yaml);
        } catch (IOException e) {
          throw new ImportException(path + ": cannot list: " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new ImportException(path + ": no such file");
      }
    }
    return files;
  }
}
