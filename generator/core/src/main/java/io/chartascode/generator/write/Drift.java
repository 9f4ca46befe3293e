package io.chartascode.generator.write;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a tree on disk differs from what the model renders, file by file: what {@code
 * chart-as-code:check} and the testing kit report. It reads and never writes.
 *
 * @param root the tree on disk
 * @param files every difference, sorted by path
 */
public record Drift(Path root, List<FileDrift> files) {
  private static final int CONTEXT_LINES = 3;

  public Drift {
    files = List.copyOf(files);
  }

  /** One file that differs. {@code onDisk} or {@code rendered} is null where the file is absent. */
  public record FileDrift(String path, Kind kind, String onDisk, String rendered) {}

  /** What the next {@code generate} would do to a file, or that it would leave it alone. */
  public enum Kind {
    /** Rendered, missing on disk: generate writes it. */
    MISSING("missing"),
    /** On disk and rendered, with other bytes: generate rewrites it. */
    CHANGED("changed"),
    /** Written by an earlier generate, no longer rendered: generate removes it. */
    STALE("no longer generated"),
    /** On disk, never generated: generate keeps it, so only the user can move it out. */
    UNMANAGED("not generated (hand-added)");

    private final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** Compares {@code root} with {@code rendered} (paths relative to root, as the writer takes them). */
  public static Drift between(Path root, SortedMap<String, String> rendered) {
    try {
      SortedMap<String, String> expected = new TreeMap<>(rendered);
      expected.put(FileTreeWriter.MANIFEST, FileTreeWriter.manifestText(rendered.keySet()));
      SortedSet<String> onDisk = FileTreeWriter.listFiles(root);
      SortedSet<String> previouslyGenerated = FileTreeWriter.readManifest(root);
      SortedSet<String> paths = new TreeSet<>(expected.keySet());
      paths.addAll(onDisk);
      List<FileDrift> files = new ArrayList<>();
      for (String path : paths) {
        String want = expected.get(path);
        String have = onDisk.contains(path) ? read(root.resolve(path)) : null;
        if (have == null) {
          files.add(new FileDrift(path, Kind.MISSING, null, want));
        } else if (want == null) {
          Kind kind = previouslyGenerated.contains(path) ? Kind.STALE : Kind.UNMANAGED;
          files.add(new FileDrift(path, kind, have, null));
        } else if (!have.equals(want)) {
          files.add(new FileDrift(path, Kind.CHANGED, have, want));
        }
      }
      return new Drift(root, files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
    }
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** One line: how many files differ, by kind. */
  public String summary() {
    return root.getFileName() + ": " + files.size() + (files.size() == 1 ? " file differs" : " files differ")
        + " from what the model renders";
  }

  /**
   * The summary, each file's state, then a unified diff per file ({@code --- <root>/path} is the
   * tree on disk, {@code +++ rendered/path} the model's output), then the fix.
   */
  public String report(String regenerateCommand) {
    String name = root.getFileName().toString();
    StringBuilder out = new StringBuilder(summary()).append(":\n");
    files.forEach(f -> out.append("  ").append(f.kind().label).append(": ").append(name).append('/').append(f.path()).append('\n'));
    for (FileDrift f : files) {
      List<String> a = lines(f.onDisk());
      List<String> b = lines(f.rendered());
      String from = f.onDisk() == null ? "/dev/null" : name + "/" + f.path();
      String to = f.rendered() == null ? "/dev/null" : "rendered/" + f.path();
      out.append('\n');
      UnifiedDiffUtils.generateUnifiedDiff(from, to, a, DiffUtils.diff(a, b), CONTEXT_LINES)
          .forEach(line -> out.append(line).append('\n'));
    }
    out.append('\n').append("Fix: run `").append(regenerateCommand).append("` and commit ").append(name).append("/");
    if (files.stream().anyMatch(f -> f.kind() == Kind.UNMANAGED)) {
      out.append("; move the hand-added files out of ").append(name)
          .append("/ (generate keeps them, but only generated files belong there)");
    }
    out.append(".\n");
    return out.toString();
  }

  private static List<String> lines(String text) {
    return text == null ? List.of() : text.lines().toList();
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
