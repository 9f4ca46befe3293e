package io.chartascode.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * Lets {@code generate} skip its work when nothing it reads has changed since its last successful
 * run, as the compiler plugin skips unchanged sources. The stamp is one SHA-256 over the run's
 * inputs (the model's compile fingerprint, the plugin, the goal's parameters, the files under
 * {@code src/main}) and over the tree the run left, path and bytes of every file. Any difference,
 * a hand edit or a {@code git checkout} in the tree included, and the goal renders and writes as
 * usual.
 *
 * <p>Why it pays: the output is a pure function of those inputs (the same model gives the same
 * bytes), and rendering is the goal's whole cost in a steady build, most of it the first use of
 * about 1,800 classes. A model that reads anything else (the environment, files outside {@code
 * src/main}) is rendered again with {@code -Dchartascode.force}.
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
      return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(digest(tree));
    } catch (IOException | UncheckedIOException e) {
      return false; // unreadable: render as usual
    }
  }

  /** Records a successful run that left {@code tree}. */
  void save(Path tree) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, digest(tree), StandardCharsets.UTF_8);
  }

  /** Forgets the last run, before a run that may fail halfway. */
  void clear() throws IOException {
    Files.deleteIfExists(file);
  }

  private String digest(Path tree) throws IOException {
    MessageDigest sha = sha256();
    sha.update(inputs.getBytes(StandardCharsets.UTF_8));
    if (Files.isDirectory(tree)) {
      for (Path path : walk(tree, true)) {
        boolean regular = Files.isRegularFile(path);
        sha.update(("\n" + tree.relativize(path) + (regular ? "|" + Files.isExecutable(path) : "/") + "\n")
            .getBytes(StandardCharsets.UTF_8));
        if (regular) {
          sha.update(Files.readAllBytes(path));
        }
      }
    }
    return HexFormat.of().formatHex(sha.digest());
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

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
