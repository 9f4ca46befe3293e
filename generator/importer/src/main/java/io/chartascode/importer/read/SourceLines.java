package io.chartascode.importer.read;

import java.util.Map;

/**
 * The line on which each node of one YAML document starts, by JSON pointer
 * ({@code /spec/template/spec/containers/0/image}). A pointer without a line of its own (a field the
 * model adds) gets the line of its nearest ancestor.
 */
public final class SourceLines {
  private final int documentLine;
  private final Map<String, Integer> lines;

  SourceLines(int documentLine, Map<String, Integer> lines) {
    this.documentLine = documentLine;
    this.lines = Map.copyOf(lines);
  }

  /** The line where the document (the object) starts. */
  public int documentLine() {
    return documentLine;
  }

  /** The line of {@code pointer}, or of its closest ancestor present in the input. */
  public int lineOf(String pointer) {
    String p = pointer;
    while (!p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
    return documentLine;
  }
}
