package io.chartascode.generator.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A literal block where it says exactly the string, a double-quoted scalar where it could not. */
class YamlLiteralTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @ParameterizedTest
  @ValueSource(strings = {
      "- name: app\n  image: a:b\n", "one line\n", "a\n\nb\n", "# not a comment\n", "tab\there\n", "x: \"q\"\n",
      // written double-quoted: no final newline, two, a leading space or newline, a CR
      "no newline", "two\n\n", " leading\n", "\nfirst empty\n", "cr\r\n", ""})
  void readsBackAsTheSameString(String value) throws Exception {
    String yaml = YamlWriter.write(YamlMap.builder().put("k", YamlScalar.literal(value)).build());
    assertThat(YAML.readTree(yaml).path("k").asText()).as(yaml).isEqualTo(value);
    boolean block = value.endsWith("\n") && !value.endsWith("\n\n") && !value.startsWith(" ")
        && !value.startsWith("\n") && !value.contains("\r");
    assertThat(yaml.startsWith("k: |\n")).as(yaml).isEqualTo(block);
  }
}
