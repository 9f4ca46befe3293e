package io.chartascode.generator.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * fsync for files and directories. A rename or a new file is only on disk once its directory is
 * synced too; java.nio can do both on Linux and macOS (a directory opened for reading, then
 * {@link FileChannel#force}).
 */
final class Durable {
  private Durable() {}

  static void syncFile(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory as a file; NTFS journals renames itself.
      if (!System.getProperty("os.name", "").startsWith("Windows")) {
        throw e;
      }
    }
  }

  /** fsync waits on the disk, not the CPU: many in flight at once share the file system's journal commits. */
  private static final int SYNC_THREADS = 16;

  /**
   * Syncs every file and directory of a staged tree. A borrowed directory (relative to {@code
   * tree}) is not entered: it was moved in whole from the old tree, whose files a previous write
   * synced; the entry for it is synced with its parent. The order does not matter, only that all
   * are done before the swap; so they run on {@value #SYNC_THREADS} threads, which on ext4 costs a
   * fraction of one fsync after another.
   */
  static void syncTree(Path tree, Set<String> borrowed) throws IOException {
    List<Path> files = new ArrayList<>();
    List<Path> directories = new ArrayList<>();
    Files.walkFileTree(
        tree,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            String relative = tree.relativize(dir).toString().replace('\\', '/');
            if (borrowed.contains(relative)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            directories.add(dir);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    ExecutorService pool = Executors.newFixedThreadPool(SYNC_THREADS, runnable -> {
      Thread thread = new Thread(runnable, "chart-as-code-fsync");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> syncs = new ArrayList<>();
      files.forEach(file -> syncs.add(pool.submit(() -> {
        syncFile(file);
        return null;
      })));
      directories.forEach(dir -> syncs.add(pool.submit(() -> {
        syncDirectory(dir);
        return null;
      })));
      for (Future<?> sync : syncs) {
        sync.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("fsync failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted during fsync", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
