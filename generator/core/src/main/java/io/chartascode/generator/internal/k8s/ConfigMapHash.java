package io.chartascode.generator.internal.k8s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Kustomize's name suffix for a generated ConfigMap ({@code api/hasher}), computed in Java: the
 * SHA-256 of {@code {"data":{...},"kind":"ConfigMap","name":""}} as Go's {@code encoding/json}
 * writes it, cut to 10 hex digits, with {@code 0 1 3 a e} replaced by {@code g h k m t}. The name
 * is empty: Kustomize 5.4 and 5.7 hash a generated ConfigMap before naming it, so the suffix
 * depends on the data alone (the same data under two names gets the same suffix). The chart
 * computes the same suffix with Helm's {@code toJson}; this copy lets the importer recognise a
 * generated name and tests check both tools against one reference.
 *
 * <p>Go's encoding, as it matters for strings: keys are sorted by their UTF-8 bytes; {@code "} and
 * {@code \} are escaped; newline, carriage return and tab become {@code \n}, {@code \r}, {@code \t},
 * backspace and form feed {@code \b} and {@code \f} (Go 1.22 and later; earlier Go wrote {@code
 * &#92;u0008} and {@code &#92;u000c}); other control characters {@code &#92;u00XX} in lower-case hex; {@code <},
 * {@code >} and {@code &} {@code &#92;u003c}, {@code &#92;u003e}, {@code &#92;u0026}; U+2028 and U+2029 {@code
 * &#92;u2028}, {@code &#92;u2029}; every other character, DEL and non-BMP ones included, as its UTF-8 bytes.
 */
public final class ConfigMapHash {
  private ConfigMapHash() {}

  /** The suffix Kustomize appends to the name of a generated ConfigMap with this data. */
  public static String suffix(Map<String, String> data) {
    return suffix(data, Map.of());
  }

  /**
   * The suffix for this data and binary data (base64). {@code binaryData} is in the hashed
   * document only when there is some; {@code data} always is, and Kustomize writes it as {@code
   * ""} when there is none (seen with 5.4 and 5.7).
   */
  public static String suffix(Map<String, String> data, Map<String, String> binaryData) {
    StringBuilder json = new StringBuilder("{");
    if (!binaryData.isEmpty()) {
      object(binaryData, json.append("\"binaryData\":")).append(',');
    }
    json.append("\"data\":");
    if (data.isEmpty()) {
      json.append("\"\"");
    } else {
      object(data, json);
    }
    json.append(",\"kind\":\"ConfigMap\",\"name\":\"\"}");
    char[] hex = HexFormat.of().formatHex(sha256(json.toString())).substring(0, 10).toCharArray();
    for (int i = 0; i < hex.length; i++) {
      hex[i] = switch (hex[i]) {
        case '0' -> 'g';
        case '1' -> 'h';
        case '3' -> 'k';
        case 'a' -> 'm';
        case 'e' -> 't';
        default -> hex[i];
      };
    }
    return new String(hex);
  }

  /** A string map as Go writes it: keys in the order of their UTF-8 bytes. */
  private static StringBuilder object(Map<String, String> map, StringBuilder json) {
    SortedMap<byte[], Map.Entry<String, String>> sorted = new TreeMap<>(Arrays::compareUnsigned);
    map.entrySet().forEach(e -> sorted.put(e.getKey().getBytes(StandardCharsets.UTF_8), e));
    json.append('{');
    String separator = "";
    for (Map.Entry<String, String> e : sorted.values()) {
      json.append(separator);
      string(e.getKey(), json).append(':');
      string(e.getValue(), json);
      separator = ",";
    }
    return json.append('}');
  }

  private static StringBuilder string(String s, StringBuilder json) {
    json.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> json.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
