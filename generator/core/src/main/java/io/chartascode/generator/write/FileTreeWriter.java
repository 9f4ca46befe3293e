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
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
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
 *
 * <p><b>One writer at a time.</b> A write holds an OS file lock on {@code .generated.lock} beside
 * the tree from before it reads the tree until after the swap ({@link TreeLock}). A second run on
 * the same tree (another process, or another thread) waits for it up to {@link
 * #withLockWait(Duration)} and then fails with {@link TreeLockedException}, naming the holder. A
 * lock left by a killed run does not block: the OS released it with the process.
 *
 * <p><b>Durability.</b> Unless {@link #withFsync(boolean) turned off}, every staged file and
 * directory is fsynced before the swap, each journal line before the move it records, and the
 * parent directory after the swap and after the journal is removed. So after a power cut, as
 * after a kill, the tree is the old one or the new one (the next write undoes a half-done one),
 * provided the file system honours fsync and keeps a rename atomic (ext4, xfs, btrfs; not every
 * network file system).
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

  /** How long a write waits for another run on the same tree by default. */
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

  private static final String LOCK = ".lock";

  private final Path root;
  private final WriteHook hook;
  private final Duration lockWait;
  private final Consumer<String> messages;
  private final boolean fsync;

  /** A test seam: called before each file is staged, so a test can fail the run midway. */
  @FunctionalInterface
  public interface WriteHook {
    void beforeWrite(String relativePath) throws IOException;
  }

  public FileTreeWriter(Path root) {
    this(root, path -> {});
  }

  public FileTreeWriter(Path root, WriteHook hook) {
    this(root.toAbsolutePath().normalize(), hook, DEFAULT_LOCK_WAIT, message -> {}, true);
  }

  private FileTreeWriter(Path root, WriteHook hook, Duration lockWait, Consumer<String> messages, boolean fsync) {
    this.root = root;
    this.hook = hook;
    this.lockWait = lockWait;
    this.messages = messages;
    this.fsync = fsync;
  }

  /**
   * How long to wait for another run writing the same tree before failing with {@link
   * TreeLockedException}; {@link Duration#ZERO} fails at once. Default {@link #DEFAULT_LOCK_WAIT}.
   */
  public FileTreeWriter withLockWait(Duration wait) {
    if (wait.isNegative()) {
      throw new IllegalArgumentException("lock wait must not be negative: " + wait);
    }
    return new FileTreeWriter(root, hook, wait, messages, fsync);
  }

  /**
   * Where to say that this write waits for another run, or takes over from one that was killed.
   * Default: nowhere.
   */
  public FileTreeWriter withMessages(Consumer<String> messages) {
    return new FileTreeWriter(root, hook, lockWait, messages, fsync);
  }

  /**
   * Whether to fsync before and after the swap, so that a power cut leaves the old or the new tree
   * (see the class comment). Default true; false only to measure what it costs.
   */
  public FileTreeWriter withFsync(boolean fsync) {
    return new FileTreeWriter(root, hook, lockWait, messages, fsync);
  }

  /** Replaces the managed files under the root with {@code files}; see the class comment. */
  public WriteReport write(SortedMap<String, String> files) {
    files.keySet().forEach(FileTreeWriter::checkRelative);
    try (TreeLock lock = TreeLock.acquire(sibling(LOCK), root.toString(), lockWait, messages)) {
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
      Borrowed borrowed = new Borrowed(root, staging, sibling(BORROWED), touchedDirectories(report), fsync);
      try {
        stage(staging, files, report, unmanaged, borrowed);
        Files.write(staging.resolve(MANIFEST), manifest(files.keySet()));
        if (fsync) {
          Durable.syncTree(staging, borrowed.moved);
        }
        swap(staging);
        borrowed.forget();
        if (fsync) {
          Durable.syncDirectory(root.getParent());
        }
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
   * Runs {@code reader} on the tree while no write is under way, and never on a tree a killed write
   * left half-done: it waits for a running write as a write would (see {@link #withLockWait}), and
   * refuses an interrupted one with the fix, since undoing it would be a write. For {@code check},
   * which must compare the whole committed tree, never one mid-swap.
   */
  public <T> T readWhole(Function<Path, T> reader) {
    if (!Files.isDirectory(root.toAbsolutePath().getParent())) {
      return reader.apply(root); // nothing was ever written here, so nothing can be under way
    }
    try (TreeLock lock = TreeLock.acquire(sibling(LOCK), root.toString(), lockWait, messages)) {
      boolean rootMoved = !Files.exists(root, LinkOption.NOFOLLOW_LINKS)
          && Files.isDirectory(sibling(PREVIOUS), LinkOption.NOFOLLOW_LINKS);
      if (rootMoved || Files.isRegularFile(sibling(BORROWED), LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalStateException(root + " was left half-written by a run that was killed (see "
            + sibling(rootMoved ? PREVIOUS : BORROWED).getFileName() + " beside it); generate puts it back"
            + " together before it writes: run it, then check again");
      }
      return reader.apply(root);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + root, e);
    }
  }

  /**
   * Undoes what a killed write left half-done, without writing anything new: puts the old tree and
   * the directories it had moved back, and removes the staging tree and the old tree it set aside.
   * Every {@link #write} does this first; this is for readers of the tree (and the kill-loop test)
   * that need it whole. Between a kill and the next write or recover, the tree can lack the
   * untouched directories the killed write had moved out (they are in {@code .<tree>.staging},
   * named in {@code .<tree>.borrowed}).
   *
   * @return whether there was anything to undo
   */
  public boolean recover() {
    try (TreeLock lock = TreeLock.acquire(sibling(LOCK), root.toString(), lockWait, messages)) {
      boolean undone = recoverInterruptedWrite();
      for (String leftover : List.of(STAGING, PREVIOUS)) {
        undone |= Files.exists(sibling(leftover), LinkOption.NOFOLLOW_LINKS);
        deleteRecursively(sibling(leftover));
      }
      if (undone && fsync) {
        Durable.syncDirectory(root.getParent());
      }
      return undone;
    } catch (IOException e) {
      throw new UncheckedIOException("could not recover " + root + " after an interrupted write", e);
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
    private final boolean fsync;
    final Set<String> moved = new LinkedHashSet<>();

    Borrowed(Path root, Path staging, Path journal, Set<String> touched, boolean fsync) {
      this.root = root;
      this.staging = staging;
      this.journal = journal;
      this.touched = touched;
      this.fsync = fsync;
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
        boolean first = moved.isEmpty();
        Files.writeString(journal, dir + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (fsync) {
          // The line must be on disk before the move it records: a power cut between the two
          // leaves a line whose directory is still at home, which recovery skips.
          Durable.syncFile(journal);
          if (first) {
            Durable.syncDirectory(journal.getParent());
          }
        }
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
  private boolean recoverInterruptedWrite() throws IOException {
    boolean undone = false;
    Path previous = sibling(PREVIOUS);
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(previous, LinkOption.NOFOLLOW_LINKS)) {
      Files.move(previous, root, StandardCopyOption.ATOMIC_MOVE);
      undone = true;
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
      undone = true;
    }
    return undone;
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
