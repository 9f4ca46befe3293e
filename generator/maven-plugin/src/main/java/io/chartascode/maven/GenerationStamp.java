package io.chartascode.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Lets {@code generate} skip its work when nothing it reads has changed since its last successful
 * run, as the compiler plugin skips unchanged sources. The stamp is a text file: the run's inputs
 * (the model's compile fingerprint, the plugin, the goal's parameters, the files under {@code
 * src/main}), then one line for every file and directory of the tree the run left, with each
 * file's size, executable bit and CRC-32C of its bytes. Any difference, a hand edit or a {@code git
 * checkout} in the tree included, and the goal renders and writes as usual; the stamp says what it
 * was computed from, so a diff of two shows why a run rendered.
 *
 * <p>Why it pays: the output is a pure function of those inputs (the same model gives the same
 * bytes), and rendering is the goal's whole cost in a steady build, most of it the first use of
 * about 1,800 classes. A model that reads anything else (the environment, files outside {@code
 * src/main}) is rendered again with {@code -Dchartascode.force}. A checksum, not a digest: it
 * tells an edit from none, no one forges it, and in a fresh JVM a {@code MessageDigest} costs
 * more to set up (28 ms) than the whole check.
 */
final class GenerationStamp {
  private final Path file;
  private final String inputs;

  private GenerationStamp(Path file, String inputs) {
    this.file = file;
    this.inputs = inputs;
  }

  /**
   * The stamp kept in {@code file}, for a run with these inputs: each a line that changes when
   * what it names changes (for files, path, size and modification time; see {@link #describe}).
   */
  static GenerationStamp of(Path file, List<String> inputs) {
    return new GenerationStamp(file, String.join("\n", inputs));
  }

  /** Whether the last successful run had the same inputs and left {@code tree} as it is now. */
  boolean isCurrent(Path tree) {
    try {
      return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text(tree));
    } catch (IOException | UncheckedIOException e) {
      return false; // unreadable: render as usual
    }
  }

  /** Records a successful run that left {@code tree}. */
  void save(Path tree) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text(tree), StandardCharsets.UTF_8);
  }

  /** Forgets the last run, before a run that may fail halfway. */
  void clear() throws IOException {
    Files.deleteIfExists(file);
  }

  private String text(Path tree) throws IOException {
    StringBuilder text = new StringBuilder(inputs).append("\ntree ").append(tree);
    if (Files.isDirectory(tree)) {
      CRC32C crc = new CRC32C();
      for (Path path : walk(tree, true)) {
        text.append('\n').append(tree.relativize(path));
        if (Files.isRegularFile(path)) {
          byte[] bytes = Files.readAllBytes(path);
          crc.reset();
          crc.update(bytes);
          text.append('|').append(bytes.length).append('|').append(Files.isExecutable(path) ? 'x' : '-')
              .append('|').append(Long.toHexString(crc.getValue()));
        } else {
          text.append('/');
        }
      }
    }
    return text.append('\n').toString();
  }

  /**
   * One input line for every regular file under {@code root} (none when it is missing): path,
   * size and modification time, as {@link ModelCompiler} fingerprints sources.
   */
  static String describe(Path root) {
    if (!Files.isDirectory(root)) {
      return root + ": none";
    }
    StringBuilder lines = new StringBuilder(root.toString());
    try {
      for (Path path : walk(root, false)) {
        lines.append('\n').append(root.relativize(path)).append('|').append(Files.size(path))
            .append('|').append(Files.getLastModifiedTime(path).toMillis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines.toString();
  }

  /**
   * Every regular file under {@code root}, and with {@code directories} every directory ({@code
   * root} included), in path order; a symbolic link counts as what it points to but is not
   * followed into a directory. A file visitor, not {@code
   * Files.walk}: this runs in every build, and the streams' first use in Maven's JVM costs more
   * than the walk.
   */
  static List<Path> walk(Path root, boolean directories) throws IOException {
    List<Path> paths = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        if (directories) {
          paths.add(dir);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (directories || attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(file)) {
          paths.add(file);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    Collections.sort(paths);
    return paths;
  }
}
