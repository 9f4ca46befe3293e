package io.chartascode.generator.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes a rendered tree all-or-nothing: the complete new tree is built in a staging directory
 * beside the target and then swapped in with two renames. A failure at any point before the swap
 * leaves the old tree exactly as it was.
 *
 * <p>The new tree costs what changed, not what exists: a directory with nothing new, changed or
 * removed under it is moved into the staging tree whole (one rename, and back again if the write
 * fails), and an unchanged file elsewhere is hard-linked. Only changed files are written. If the
 * process dies midway, the next write first puts the old tree and the moved directories back.
 *
 * <p>The generator owns only the files it created, recorded in {@link #MANIFEST}. Files that
 * someone added by hand are carried over and reported, never deleted.
 */
public final class FileTreeWriter {
  /** The list of files the generator created, one relative path per line, sorted. */
  public static final String MANIFEST = ".generated-files";

  /**
   * Beside the tree {@code generated}: {@code .generated.staging} (the new tree being built), {@code
   * .generated.previous} (the old tree during the swap), {@code .generated.borrowed} (the
   * directories moved from the old tree into the staging tree, one per line).
   */
  private static final String STAGING = ".staging";
  private static final String PREVIOUS = ".previous";
  private static final String BORROWED = ".borrowed";

  /** Scripts ({@code *.sh}) are written executable; git records the mode, so it is reproducible too. */
  private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

  private final Path root;
  private final WriteHook hook;

  /** A test seam: called before each file is staged, so a test can fail the run midway. */
  @FunctionalInterface
  public interface WriteHook {
    void beforeWrite(String relativePath) throws IOException;
  }

  public FileTreeWriter(Path root) {
    this(root, path -> {});
  }

  public FileTreeWriter(Path root, WriteHook hook) {
    this.root = root.toAbsolutePath().normalize();
    this.hook = hook;
  }

  /** Replaces the managed files under the root with {@code files}; see the class comment. */
  public WriteReport write(SortedMap<String, String> files) {
    files.keySet().forEach(FileTreeWriter::checkRelative);
    try {
      recoverInterruptedWrite();
      SortedSet<String> previous = readManifest();
      SortedSet<String> existing = listFiles(root);
      SortedSet<String> unmanaged = new TreeSet<>(existing);
      unmanaged.removeAll(previous);
      unmanaged.removeAll(files.keySet());
      unmanaged.remove(MANIFEST);
      checkNoConflicts(unmanaged, files.keySet());

      // The common case, nothing changed: compare first, so no file is created or deleted at all.
      WriteReport report = WriteReport.compare(root, files, previous, unmanaged);
      if (report.changed().isEmpty() && report.removed().isEmpty() && manifestMatches(root, files.keySet())) {
        return report;
      }

      Path staging = sibling(STAGING);
      deleteRecursively(staging);
      Files.createDirectories(staging);
      Borrowed borrowed = new Borrowed(root, staging, sibling(BORROWED), touchedDirectories(report));
      try {
        stage(staging, files, report, unmanaged, borrowed);
        Files.write(staging.resolve(MANIFEST), manifest(files.keySet()));
        swap(staging);
        borrowed.forget();
        return report;
      } catch (IOException | RuntimeException e) {
        borrowed.giveBack(e);
        deleteRecursively(staging);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + root + "; it is unchanged", e);
    }
  }

  /**
   * Builds the complete new tree in {@code staging}: hand-added files and untouched directories
   * come from the old tree, unchanged files are linked, the rest is written.
   */
  private void stage(
      Path staging, SortedMap<String, String> files, WriteReport report, Set<String> unmanaged, Borrowed borrowed)
      throws IOException {
    for (String kept : unmanaged) {
      if (!borrowed.carries(kept)) {
        Path target = staging.resolve(kept);
        Files.createDirectories(target.getParent());
        Files.copy(root.resolve(kept), target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      }
    }
    Set<String> unchanged = new HashSet<>(report.unchanged());
    Path realStaging = staging.toRealPath();
    Set<Path> checkedDirectories = new HashSet<>();
    for (var file : files.entrySet()) {
      hook.beforeWrite(file.getKey());
      Path target = staging.resolve(file.getKey());
      if (!borrowed.carries(file.getKey())) {
        if (checkedDirectories.add(target.getParent())) {
          Files.createDirectories(target.getParent());
          if (!target.getParent().toRealPath().startsWith(realStaging)) {
            throw new IOException("refusing to write " + file.getKey() + ": it resolves outside " + root);
          }
        }
        if (!unchanged.contains(file.getKey()) || !link(root.resolve(file.getKey()), target)) {
          Files.write(target, file.getValue().getBytes(StandardCharsets.UTF_8));
        }
      }
      if (file.getKey().endsWith(".sh")) {
        Files.setPosixFilePermissions(target, EXECUTABLE);
      }
    }
  }

  /** Every directory (relative, "" for the root) that holds a changed, new or removed file. */
  private static Set<String> touchedDirectories(WriteReport report) {
    Set<String> touched = new HashSet<>();
    Stream.concat(report.changed().stream(), report.removed().stream())
        .forEach(
            path -> {
              for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                touched.add(path.substring(0, slash));
              }
            });
    touched.add("");
    return touched;
  }

  /**
   * The untouched directories moved from the old tree into the staging tree, so they need not be
   * rebuilt. {@link #giveBack} returns them when the write fails.
   */
  private static final class Borrowed {
    private final Path root;
    private final Path staging;
    private final Path journal;
    private final Set<String> touched;
    private final Set<String> moved = new LinkedHashSet<>();

    Borrowed(Path root, Path staging, Path journal, Set<String> touched) {
      this.root = root;
      this.staging = staging;
      this.journal = journal;
      this.touched = touched;
    }

    /**
     * Whether {@code path} arrives with a borrowed directory: its outermost untouched ancestor,
     * moved into the staging tree on first use. A directory can only be borrowed if it is one (not
     * a link) in the old tree.
     */
    boolean carries(String path) throws IOException {
      for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        String dir = path.substring(0, slash);
        if (touched.contains(dir)) {
          continue;
        }
        if (moved.contains(dir)) {
          return true;
        }
        if (!Files.isDirectory(root.resolve(dir), LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
        Files.createDirectories(staging.resolve(dir).getParent());
        // Journal first: if the process dies now, the next run knows what to move back.
        Files.writeString(journal, dir + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.move(root.resolve(dir), staging.resolve(dir), StandardCopyOption.ATOMIC_MOVE);
        moved.add(dir);
        return true;
      }
      return false;
    }

    /**
     * Moves every borrowed directory that is still in the staging tree back where it was, as
     * {@code failure} ends the write; what cannot be moved is added to it as suppressed.
     */
    void giveBack(Exception failure) {
      try {
        moveBack(root, staging, moved);
        forget();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }

    /** The new tree is in place with the borrowed directories in it: the journal is done. */
    void forget() throws IOException {
      Files.deleteIfExists(journal);
    }
  }

  /**
   * Puts back what a write that died midway (a killed process, not an exception) left beside the
   * tree: the old tree, if it died between the two renames of the swap, and the directories it
   * had moved into the staging tree, which hold any hand-added files. The staging tree itself is
   * deleted afterwards, as every time.
   */
  private void recoverInterruptedWrite() throws IOException {
    Path previous = sibling(PREVIOUS);
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(previous, LinkOption.NOFOLLOW_LINKS)) {
      Files.move(previous, root, StandardCopyOption.ATOMIC_MOVE);
    }
    Path journal = sibling(BORROWED);
    if (Files.isRegularFile(journal, LinkOption.NOFOLLOW_LINKS)) {
      List<String> dirs = Files.readAllLines(journal, StandardCharsets.UTF_8);
      for (String dir : dirs) {
        try {
          checkRelative(dir);
        } catch (IllegalArgumentException e) {
          throw new IOException(
              journal + " names '" + dir + "', which is not a directory under " + root
                  + "; it was not written by chart-as-code. Remove it and run again", e);
        }
      }
      moveBack(root, sibling(STAGING), dirs);
      Files.delete(journal);
    }
  }

  /** Moves each of {@code dirs} that is in {@code staging}, and not in {@code root}, back to root. */
  private static void moveBack(Path root, Path staging, Iterable<String> dirs) throws IOException {
    for (String dir : dirs) {
      Path borrowed = staging.resolve(dir);
      Path home = root.resolve(dir);
      if (Files.isDirectory(borrowed, LinkOption.NOFOLLOW_LINKS) && !Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(home.getParent());
        Files.move(borrowed, home, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  /**
   * Hard-links an unchanged file into the staging tree: a link costs a fraction of creating a file,
   * and the content is already right. Returns false where links are not possible, to write instead.
   */
  private static boolean link(Path existing, Path target) {
    try {
      Files.createLink(target, existing);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Whether {@code root} holds exactly these files (plus the manifest and hand-added files). */
  public static boolean isCurrent(Path root, SortedMap<String, String> files) {
    try {
      for (var file : files.entrySet()) {
        Path p = root.resolve(file.getKey());
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            || !Arrays.equals(Files.readAllBytes(p), file.getValue().getBytes(StandardCharsets.UTF_8))) {
          return false;
        }
      }
      return manifestMatches(root, files.keySet());
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether the manifest under {@code root} lists exactly {@code paths}. */
  private static boolean manifestMatches(Path root, Set<String> paths) throws IOException {
    Path manifest = root.resolve(MANIFEST);
    return Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)
        && Arrays.equals(Files.readAllBytes(manifest), manifest(paths));
  }

  /**
   * A hand-added file or link where the generator needs a directory (e.g. {@code charts} linked
   * elsewhere, holding {@code charts/a.yaml}) would redirect writes; refuse before touching anything.
   */
  private void checkNoConflicts(SortedSet<String> unmanaged, Set<String> generated) throws IOException {
    for (String kept : unmanaged) {
      boolean isLink = Files.isSymbolicLink(root.resolve(kept));
      boolean shadows = generated.stream().anyMatch(g -> g.startsWith(kept + "/"));
      if (isLink && shadows) {
        throw new IllegalStateException(
            "refusing to write into " + root.resolve(kept) + ": it is a symbolic link to "
                + Files.readSymbolicLink(root.resolve(kept)) + ", not a directory the generator created;"
                + " remove it and run again");
      }
      if (shadows) {
        throw new IllegalStateException(
            "refusing to write under " + root.resolve(kept) + ": a file the generator did not create is in the way;"
                + " move it and run again");
      }
    }
  }

  /** Rejects absolute paths, {@code ..}, empty segments and backslashes: output stays under root. */
  static void checkRelative(String path) {
    boolean bad =
        path.isEmpty()
            || path.startsWith("/")
            || path.contains("\\")
            || path.equals(MANIFEST)
            || Arrays.stream(path.split("/", -1)).anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
    if (bad) {
      throw new IllegalArgumentException(
          "refusing to write '" + path + "': output paths must be relative, without '.', '..' or empty segments");
    }
  }

  private void swap(Path staging) throws IOException {
    Path previous = sibling(PREVIOUS);
    deleteRecursively(previous);
    boolean hadRoot = Files.exists(root, LinkOption.NOFOLLOW_LINKS);
    if (hadRoot) {
      Files.move(root, previous, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(staging, root, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (hadRoot) {
        Files.move(previous, root, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
    deleteRecursively(previous);
  }

  private Path sibling(String suffix) {
    return root.resolveSibling("." + root.getFileName() + suffix);
  }

  private SortedSet<String> readManifest() throws IOException {
    return readManifest(root);
  }

  /** The paths an earlier write recorded under {@code root}; empty when there is no manifest. */
  static SortedSet<String> readManifest(Path root) throws IOException {
    Path manifest = root.resolve(MANIFEST);
    SortedSet<String> paths = new TreeSet<>();
    if (Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          paths.add(line.strip());
        }
      }
    }
    return paths;
  }

  private static byte[] manifest(Iterable<String> paths) {
    return manifestText(paths).getBytes(StandardCharsets.UTF_8);
  }

  /** The manifest's content for these generated paths. */
  static String manifestText(Iterable<String> paths) {
    StringBuilder text = new StringBuilder("# Files created by chart-as-code; it deletes only these.\n");
    paths.forEach(p -> text.append(p).append('\n'));
    return text.toString();
  }

  /** Every regular file or symlink under {@code dir}, as sorted relative paths with '/'. */
  static SortedSet<String> listFiles(Path dir) throws IOException {
    SortedSet<String> files = new TreeSet<>();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          files.add(dir.relativize(p).toString().replace('\\', '/'));
        }
      }
    }
    return files;
  }

  /** Deletes a tree that the generator wrote (links are removed, never followed). */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
