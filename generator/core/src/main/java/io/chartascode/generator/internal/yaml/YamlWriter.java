package io.chartascode.generator.internal.yaml;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns {@link YamlDocument}s into text, the same way every time: block style, two-space indent,
 * {@code helm create}'s indented sequences, no document marker, no line folding, LF line endings and
 * exactly one trailing newline.
 *
 * <p>Strings are written plain only when plain text cannot read back as anything else; otherwise
 * they are double-quoted. So {@code "1.10"}, {@code "8080"}, {@code "yes"} and {@code "null"} stay
 * strings for YAML 1.1 and 1.2 readers alike (Helm reads YAML 1.1).
 *
 * <p>It is hand-written rather than a Jackson {@code YAMLGenerator} because Helm templates put
 * template lines such as {@code {{- if ... }}} between entries, which no YAML serializer can emit.
 * A round-trip test parses its output with a real YAML parser.
 */
public final class YamlWriter {
  private static final int INDENT = 2;

  // Block-context plain scalars that start with a letter, '_' or '/' and use no indicator that
  // could change their meaning. Digits, '-', '.', '+' first would risk numbers, so those are quoted.
  // As the pattern [A-Za-z_/][A-Za-z0-9_./@:+=,()' -]*, checked by hand: every key and value of
  // every file passes here.
  private static final String PLAIN_PUNCTUATION = "_./@:+=,()' -";
  private static final Set<String> YAML11_KEYWORDS =
      Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");
  /** Longer text is no keyword: most values skip the lower-casing and the lookup. */
  private static final int LONGEST_KEYWORD = YAML11_KEYWORDS.stream().mapToInt(String::length).max().orElseThrow();

  private final StringBuilder out = new StringBuilder();
  private String pendingDash;

  private YamlWriter() {}

  /** The text of one document. */
  public static String write(YamlDocument document) {
    YamlWriter writer = new YamlWriter();
    writer.document(document);
    return writer.out.toString();
  }

  /** The text of a plain tree with no header or guard. */
  public static String write(YamlNode root) {
    return write(YamlDocument.of(root));
  }

  /** How a string scalar is written: plain if that is unambiguous, else double-quoted. */
  public static String encodeString(String value) {
    if (isSafePlain(value)) {
      return value;
    }
    return quote(value);
  }

  private void document(YamlDocument document) {
    document.headerLines().forEach(l -> line(0, l));
    document.guard().ifPresent(g -> line(0, g.open()));
    if (document.root() instanceof YamlMap map && !map.entries().isEmpty()) {
      mapEntries(map.entries(), 0);
    } else if (document.root() instanceof YamlSeq seq && !seq.items().isEmpty()) {
      seqItems(seq.items(), 0);
    } else {
      line(0, inline(document.root()));
    }
    document.guard().ifPresent(g -> line(0, g.close()));
  }

  private void mapEntries(List<YamlMap.Entry> entries, int indent) {
    for (YamlMap.Entry entry : entries) {
      if (entry instanceof YamlMap.Field field) {
        field(field.key(), field.value(), indent);
      } else if (entry instanceof YamlMap.Comment comment) {
        line(indent, comment.text().isEmpty() ? "#" : "# " + comment.text());
      } else if (entry instanceof YamlMap.Guarded guarded) {
        line(indent, guarded.open());
        mapEntries(guarded.entries(), indent);
        line(indent, guarded.close());
      }
    }
  }

  private void field(String key, YamlNode value, int indent) {
    String k = encodeString(key);
    if (value instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.LITERAL && isLiteralSafe(scalar.text())) {
      startLine(indent);
      out.append(k).append(": |\n");
      for (String l : scalar.text().substring(0, scalar.text().length() - 1).split("\n", -1)) {
        if (l.isEmpty()) {
          out.append('\n');
        } else {
          line(indent + INDENT, l);
        }
      }
    } else if (isInline(value)) {
      startLine(indent);
      out.append(k).append(": ").append(inline(value)).append('\n');
    } else {
      startLine(indent);
      out.append(k).append(":\n");
      if (value instanceof YamlMap map) {
        mapEntries(map.entries(), indent + INDENT);
      } else if (value instanceof YamlSeq seq) {
        seqItems(seq.items(), indent + INDENT);
      } else if (value instanceof YamlRawBlock block) {
        line(indent + INDENT, block.lineAtIndent().apply(indent + INDENT));
      }
    }
  }

  private void seqItems(List<YamlSeq.Item> items, int indent) {
    for (YamlSeq.Item item : items) {
      if (item instanceof YamlSeq.Element element) {
        element(element.node(), indent);
      } else if (item instanceof YamlSeq.Guarded guarded) {
        line(indent, guarded.open());
        seqItems(guarded.items(), indent);
        line(indent, guarded.close());
      }
    }
  }

  private void element(YamlNode node, int indent) {
    if (isInline(node)) {
      startLine(indent);
      out.append("- ").append(inline(node)).append('\n');
    } else if (node instanceof YamlMap map && map.entries().get(0) instanceof YamlMap.Field) {
      // The first field shares the dash's line: "- name: x".
      pendingDash = " ".repeat(indent) + "- ";
      mapEntries(map.entries(), indent + INDENT);
    } else if (node instanceof YamlMap map) {
      line(indent, "-");
      mapEntries(map.entries(), indent + INDENT);
    } else if (node instanceof YamlSeq seq) {
      line(indent, "-");
      seqItems(seq.items(), indent + INDENT);
    } else {
      throw new IllegalArgumentException("a raw block cannot be a sequence element");
    }
  }

  private static boolean isInline(YamlNode node) {
    return node instanceof YamlScalar
        || (node instanceof YamlMap map && map.entries().isEmpty())
        || (node instanceof YamlSeq seq && seq.items().isEmpty());
  }

  private static String inline(YamlNode node) {
    if (node instanceof YamlMap) {
      return "{}";
    }
    if (node instanceof YamlSeq) {
      return "[]";
    }
    YamlScalar scalar = (YamlScalar) node;
    return scalar.kind() == YamlScalar.Kind.STRING || scalar.kind() == YamlScalar.Kind.LITERAL
        ? encodeString(scalar.text())
        : scalar.text();
  }

  private void line(int indent, String text) {
    startLine(indent);
    out.append(text).append('\n');
  }

  /** The indentation of a new line, or the dash of the sequence element it starts. */
  private void startLine(int indent) {
    if (pendingDash != null) {
      out.append(pendingDash);
      pendingDash = null;
    } else {
      for (int i = 0; i < indent; i++) {
        out.append(' ');
      }
    }
  }

  /** Whether {@code |} (clip: one final newline) reads back as exactly {@code s}. */
  private static boolean isLiteralSafe(String s) {
    return s.endsWith("\n")
        && !s.endsWith("\n\n")
        && !s.startsWith(" ")
        && !s.startsWith("\n")
        && s.codePoints().allMatch(cp -> cp == '\n' || cp == '\t' || isPrintable(cp));
  }

  private static boolean isSafePlain(String s) {
    return isPlainText(s)
        && !s.endsWith(" ")
        && !s.endsWith(":")
        && !s.contains(": ")
        && !s.contains(" #")
        && (s.length() > LONGEST_KEYWORD || !YAML11_KEYWORDS.contains(s.toLowerCase(Locale.ROOT)));
  }

  private static boolean isPlainText(String s) {
    if (s.isEmpty() || !(isAsciiLetter(s.charAt(0)) || s.charAt(0) == '_' || s.charAt(0) == '/')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && PLAIN_PUNCTUATION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** A YAML double-quoted scalar; escapes everything outside YAML's printable set. */
  private static String quote(String s) {
    StringBuilder q = new StringBuilder(s.length() + 2).append('"');
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                  if (isPrintable(cp)) {
                    q.appendCodePoint(cp);
                  } else if (cp <= 0xFFFF) {
                    q.append(String.format(Locale.ROOT, "\\u%04X", cp));
                  } else {
                    q.append(String.format(Locale.ROOT, "\\U%08X", cp));
                  }
                }
              }
            });
    return q.append('"').toString();
  }

  // YAML 1.2 c-printable, minus BOM and NEL/LS/PS, which some readers treat as line breaks.
  private static boolean isPrintable(int cp) {
    return (cp >= 0x20 && cp <= 0x7E)
        || (cp >= 0xA0 && cp <= 0xD7FF && cp != 0x2028 && cp != 0x2029)
        || (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
