package io.chartascode.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Lets {@code generate} skip its work when nothing it reads has changed since its last successful
 * run, as the compiler plugin skips unchanged sources. The stamp is a text file: the files of the
 * project that the model names and the run read (a configuration file, wherever it lives), with
 * size and modification time; the run's inputs (the model's compile fingerprint, the plugin, the
 * goal's parameters, the files under {@code src/main}); then one line for every file and directory
 * of the tree the run left, with each file's size, executable bit and CRC-32C of its bytes. Any
 * difference, a hand edit or a {@code git checkout} in the tree included, and the goal renders and
 * writes as usual; the stamp says what it was computed from, so a diff of two shows why a run
 * rendered. Which files the model names is known only once it is loaded, so the next run checks the
 * ones this stamp lists: a model that names a new file is a changed model.
 *
 * <p>Why it pays: the output is a pure function of those inputs (the same model gives the same
 * bytes), and rendering is the goal's whole cost in a steady build, most of it the first use of
 * about 1,800 classes. A model that reads anything else itself (the environment, a file it opens
 * in its own code) is rendered again with {@code -Dchartascode.force}. A checksum, not a digest: it
 * tells an edit from none, no one forges it, and in a fresh JVM a {@code MessageDigest} costs
 * more to set up (28 ms) than the whole check.
 */
final class GenerationStamp {
  private static final String PROJECT_FILES = "project files ";

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

  /**
   * Whether the last successful run had the same inputs, found the files it read as they are now,
   * and left {@code tree} as it is now.
   */
  boolean isCurrent(Path tree) {
    try {
      if (!Files.isRegularFile(file)) {
        return false;
      }
      String last = Files.readString(file, StandardCharsets.UTF_8);
      Optional<List<Path>> read = projectFilesIn(last);
      return read.isPresent() && last.equals(text(tree, read.get()));
    } catch (IOException | RuntimeException e) {
      return false; // unreadable, or not a stamp this plugin wrote: render as usual
    }
  }

  /** Records a successful run that read {@code projectFiles} (the files the model names) and left {@code tree}. */
  void save(Path tree, List<Path> projectFiles) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text(tree, projectFiles), StandardCharsets.UTF_8);
  }

  /** Forgets the last run, before a run that may fail halfway. */
  void clear() throws IOException {
    Files.deleteIfExists(file);
  }

  private String text(Path tree, List<Path> projectFiles) throws IOException {
    StringBuilder text = new StringBuilder(PROJECT_FILES).append(projectFiles.size());
    for (Path path : projectFiles) {
      text.append('\n');
      try {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        text.append(attributes.size()).append('|').append(attributes.lastModifiedTime().toMillis());
      } catch (NoSuchFileException e) {
        text.append("-|-");
      }
      text.append('|').append(path);
    }
    text.append('\n').append(inputs).append("\ntree ").append(tree);
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
   * The project files a stamp lists, in its first lines: a count, then {@code size|time|path}
   * each; empty when the text does not start so.
   */
  private static Optional<List<Path>> projectFilesIn(String stamp) {
    String[] lines = stamp.split("\n", -1);
    if (!lines[0].startsWith(PROJECT_FILES)) {
      return Optional.empty();
    }
    int count = Integer.parseInt(lines[0].substring(PROJECT_FILES.length()));
    List<Path> paths = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      paths.add(Path.of(lines[i].split("\\|", 3)[2]));
    }
    return Optional.of(paths);
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
