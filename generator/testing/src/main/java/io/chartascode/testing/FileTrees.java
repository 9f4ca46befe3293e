package io.chartascode.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Directory trees as sorted maps of relative path ('/'-separated) to bytes. */
public final class FileTrees {
  private FileTrees() {}

  /** Every regular file under {@code root}. */
  public static SortedMap<String, byte[]> read(Path root) throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p)) {
          files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
      }
    }
    return files;
  }

  /**
   * Writes {@code files} (relative path to UTF-8 text) under {@code root}: plain writes, without
   * the lock, journal and fsync of {@code FileTreeWriter}, whose lock and timing are not under test.
   */
  public static void write(Path root, SortedMap<String, String> files) throws IOException {
    for (var file : files.entrySet()) {
      Path target = root.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
  }

  /** Copies a tree, keeping file modes. */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
