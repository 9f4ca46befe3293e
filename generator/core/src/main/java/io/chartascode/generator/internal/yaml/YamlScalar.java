package io.chartascode.generator.internal.yaml;

import java.util.Objects;

/**
 * A single value. {@link Kind#RAW} is template text (e.g. {@code {{ .Values.port }}}) that is
 * written verbatim; everything else is encoded by {@link YamlWriter} so that it reads back as the
 * same type.
 */
public record YamlScalar(Kind kind, String text) implements YamlNode {
  /** What the text means. */
  public enum Kind {
    STRING,
    INTEGER,
    BOOLEAN,
    NULL,
    RAW,
    /** A string written as a literal block ({@code |}) where it can be, else like {@link #STRING}. */
    LITERAL
  }

  public YamlScalar {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  public static YamlScalar string(String value) {
    return new YamlScalar(Kind.STRING, value);
  }

  public static YamlScalar integer(long value) {
    return new YamlScalar(Kind.INTEGER, Long.toString(value));
  }

  public static YamlScalar bool(boolean value) {
    return new YamlScalar(Kind.BOOLEAN, Boolean.toString(value));
  }

  public static YamlScalar nullValue() {
    return new YamlScalar(Kind.NULL, "null");
  }

  /**
   * A multi-line string written as a literal block ({@code key: |}), as Artifact Hub's annotations
   * are by convention. It reads back as exactly {@code value} either way; the writer double-quotes it
   * where a block could not say the same (no final newline, or more than one, leading spaces, CR).
   */
  public static YamlScalar literal(String value) {
    return new YamlScalar(Kind.LITERAL, value);
  }

  /** Template text written exactly as given, e.g. {@code {{ .Values.tag | quote }}}. */
  public static YamlScalar raw(String template) {
    if (template.contains("\n")) {
      throw new IllegalArgumentException("raw scalar text must be one line: " + template);
    }
    return new YamlScalar(Kind.RAW, template);
  }
}
