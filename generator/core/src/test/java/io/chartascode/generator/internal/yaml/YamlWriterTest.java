package io.chartascode.generator.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlWriterTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "envapp            | envapp",
        "kkrast/envapp:v1  | kkrast/envapp:v1",
        "1.10              | \"1.10\"",
        "8080              | \"8080\"",
        "100m              | \"100m\"",
        "yes               | \"yes\"",
        "No                | \"No\"",
        "on                | \"on\"",
        "true              | \"true\"",
        "null              | \"null\"",
        "~                 | \"~\"",
        "a: b              | \"a: b\"",
        "x #y              | \"x #y\"",
        "-dash             | \"-dash\"",
        "../../base        | \"../../base\"",
        "A Helm chart      | A Helm chart",
        "`key:`            | \"key:\"",
        "ünïcode           | \"ünïcode\"",
      })
  void stringsAreQuotedExactlyWhenPlainWouldReadBackAsSomethingElse(String value, String written) {
    assertThat(YamlWriter.encodeString(value)).isEqualTo(written);
  }

  @Test
  void controlCharactersAndQuotesAreEscaped() {
    assertThat(YamlWriter.encodeString("a\"b\\c\nd\te\u0001f\u007f\u2028"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u007F\\u2028\"");
  }

  @Test
  void writesHelmCreateStyleBlocksWithOneTrailingNewline() {
    YamlMap map =
        YamlMap.builder()
            .comment("-- the port")
            .put("port", YamlScalar.integer(80))
            .put("list", YamlSeq.of(List.of(YamlMap.builder().put("name", "a").put("value", "1").build())))
            .put("empty", YamlMap.builder().build())
            .put("labels", new YamlRawBlock(indent -> "{{- include \"x\" . | nindent " + indent + " }}"))
            .build();
    assertThat(YamlWriter.write(YamlDocument.of(map).guardedBy("{{- if .Values.on }}", "{{- end }}")))
        .isEqualTo(
            """
            {{- if .Values.on }}
            # -- the port
            port: 80
            list:
              - name: a
                value: "1"
            empty: {}
            labels:
              {{- include "x" . | nindent 2 }}
            {{- end }}
            """);
  }

  /** Property: any plain tree reads back, through a real YAML parser, as the same tree and types. */
  @Test
  void randomTreesRoundTripThroughARealParser() throws Exception {
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      JsonNode tree = randomObject(random, 0);
      String yaml = YamlWriter.write(YamlTrees.fromJson(tree));
      assertThat(yaml).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r").doesNotStartWith("---");
      assertThat(YAML.readTree(yaml)).as("round trip of:%n%s", yaml).isEqualTo(tree);
    }
  }

  private static final String[] WORDS = {
    "a", "1.10", "8080", "yes", "NO", "off", "null", "", " lead", "trail ", "x: y", "#c", "a #b", "-", "- x",
    "'q'", "\"dq\"", "{a}", "[b]", "&anchor", "*ref", "!tag", "%d", "@at", "`tick", "|", ">", "multi\nline",
    "tab\there", "ünï", "😀", "0x1F", "1e3", ".inf", "0o17", "2001-12-14", "~", "? q", "k:v", "http://x/y?z=1",
  };

  private static JsonNode randomObject(Random r, int depth) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      object.set(WORDS[r.nextInt(WORDS.length)] + i, randomValue(r, depth + 1));
    }
    return object;
  }

  private static JsonNode randomValue(Random r, int depth) {
    int kind = r.nextInt(depth > 3 ? 4 : 6);
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (kind) {
      case 0 -> f.textNode(WORDS[r.nextInt(WORDS.length)]);
      case 1 -> f.numberNode(r.nextInt(100_000) - 50_000);
      case 2 -> f.booleanNode(r.nextBoolean());
      case 3 -> f.textNode(WORDS[r.nextInt(WORDS.length)] + WORDS[r.nextInt(WORDS.length)]);
      case 4 -> randomObject(r, depth);
      default -> {
        ArrayNode array = f.arrayNode();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
          array.add(randomValue(r, depth + 1));
        }
        yield array;
      }
    };
  }
}
