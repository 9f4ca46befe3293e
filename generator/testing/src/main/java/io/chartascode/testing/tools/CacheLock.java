package io.chartascode.testing.tools;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds a lock file against other threads of this JVM and against other processes (another Maven module, a
 * parallel build in another checkout). A {@link java.nio.channels.FileLock} alone does not
 * order threads: the JVM owns it for the whole process, and a second {@code lock()} from the same process
 * throws {@link java.nio.channels.OverlappingFileLockException} instead of waiting.
 */
final class CacheLock implements AutoCloseable {

  private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

  private final ReentrantLock threads;
  private final FileChannel channel;

  private CacheLock(ReentrantLock threads, FileChannel channel) {
    this.threads = threads;
    this.channel = channel;
  }

  /** Waits until this thread holds {@code file}; its directory must exist. */
  static CacheLock acquire(Path file) throws IOException {
    // The real path, so two spellings of one cache (a symlink, a relative path) share one lock.
    Path key = file.getParent().toRealPath().resolve(file.getFileName());
    ReentrantLock threads = IN_THIS_JVM.computeIfAbsent(key, k -> new ReentrantLock());
    threads.lock();
    try {
      FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        channel.lock();
        return new CacheLock(threads, channel);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      threads.unlock();
      throw e;
    }
  }

  /** Releases the file lock (closing the channel does), then lets the next thread of this JVM in. */
  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      threads.unlock();
    }
  }
}
