package io.chartascode.envapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JsonTest {

  /** Values an environment can really hold; only NUL is impossible there. */
  static final Map<String, String> HOSTILE =
      Map.of(
          "QUOTES", "say \"hi\" and 'bye'",
          "BACKSLASH", "C:\\path\\n not a newline",
          "NEWLINES", "line1\nline2\r\nline3",
          "CONTROL", "bell\u0007 esc\u001b tab\t del\u007f unit\u001f",
          "NON_ASCII", "grüße — 日本語 ✓ 😀",
          "SEPARATORS", "js\u2028breaks\u2029here",
          "HTML", "</script><script>alert(1)</script>",
          "EMPTY", "",
          "LONE_SURROGATE", "half \ud83d pair");

  @Test
  void everyHostileValueRoundTripsThroughAStrictParser() {
    byte[] json = Json.object(new TreeMap<>(HOSTILE));

    assertThat(JsonObjects.parse(json)).isEqualTo(HOSTILE);
  }

  @Test
  void keysAreSortedAndOutputIsOneLineWithNewline() {
    String json = new String(Json.object(new TreeMap<>(HOSTILE)), UTF_8);

    assertThat(JsonObjects.parse(json.getBytes(UTF_8)).keySet())
        .containsExactly(new TreeMap<>(HOSTILE).keySet().toArray(String[]::new));
    assertThat(json).endsWith("}\n").doesNotContain("\r").hasLineCount(1);
    assertThat(json).contains("\"NEWLINES\":\"line1\\nline2\\r\\nline3\"");
  }

  @Test
  void surrogatesAreEscapedSoEvenALoneOneStaysValidJson() {
    String json = new String(Json.object(new TreeMap<>(Map.of("K", "😀 \ud83d"))), UTF_8);

    assertThat(json).isEqualTo("{\"K\":\"\\uD83D\\uDE00 \\uD83D\"}\n");
  }

  @Test
  void nonAsciiIsWrittenAsUtf8NotEscaped() {
    String json = new String(Json.object(new TreeMap<>(Map.of("K", "grüße ✓"))), UTF_8);

    assertThat(json).isEqualTo("{\"K\":\"grüße ✓\"}\n");
  }
}
