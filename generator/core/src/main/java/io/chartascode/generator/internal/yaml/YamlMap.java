package io.chartascode.generator.internal.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A block mapping whose entries keep their insertion order. */
public record YamlMap(List<YamlMap.Entry> entries) implements YamlNode {

  public YamlMap {
    entries = List.copyOf(entries);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** One line (or group of lines) of a mapping. */
  public sealed interface Entry permits Field, Comment, Guarded {}

  /** {@code key: value}. */
  public record Field(String key, YamlNode value) implements Entry {
    public Field {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code # text}, written above the next entry. */
  /** A comment line; YAML cannot escape anything in it, so it is one line of printable text. */
  public record Comment(String text) implements Entry {
    public Comment {
      if (text.codePoints().anyMatch(cp -> Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF)) {
        throw new IllegalArgumentException("a YAML comment cannot hold a line break or a control character: " + text);
      }
    }
  }

  /**
   * Entries written between two template lines, e.g. {@code {{- if .Values.x }}} and
   * {@code {{- end }}}, at the indentation of the surrounding map.
   */
  public record Guarded(String open, List<Entry> entries, String close) implements Entry {
    public Guarded {
      entries = List.copyOf(entries);
    }
  }

  /** The value of a plain field, or null. */
  public YamlNode get(String key) {
    for (Entry e : entries) {
      if (e instanceof Field f && f.key().equals(key)) {
        return f.value();
      }
    }
    return null;
  }

  /** Builds a {@link YamlMap}. */
  public static final class Builder {
    private final List<Entry> entries = new ArrayList<>();

    private Builder() {}

    public Builder put(String key, YamlNode value) {
      entries.add(new Field(key, value));
      return this;
    }

    public Builder put(String key, String value) {
      return put(key, YamlScalar.string(value));
    }

    public Builder comment(String text) {
      entries.add(new Comment(text));
      return this;
    }

    public YamlMap build() {
      return new YamlMap(entries);
    }
  }
}
