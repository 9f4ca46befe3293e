package io.chartascode.generator.write;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The exclusive right to write one tree, across processes and threads: an OS file lock ({@link
 * FileChannel#tryLock()}, {@code fcntl} on Linux) on {@code .<tree>.lock} beside the tree, and a
 * lock per file inside this JVM (the OS lock belongs to the process, so two threads of one Maven
 * build need their own).
 *
 * <p>The lock file names its holder (pid, host, start time) so that a waiting run can say who it
 * waits for. The OS releases the lock when its holder dies, however it dies, so a killed run never
 * blocks the next one: the next run finds the file unlocked but still naming the dead holder,
 * says so, and goes on (the writer then undoes the interrupted write).
 *
 * <p>On Linux a run that ends normally deletes the file while it still holds the lock, so nothing
 * is left beside the tree; a run that then acquires the lock checks in {@code /proc/self/fd} that
 * the file it locked was not deleted meanwhile, and otherwise starts over, so it cannot hold a lock
 * that nobody else sees. Where there is no {@code /proc}, the file is emptied instead and stays.
 *
 * <p>The lock is a POSIX record lock: closing <em>any</em> descriptor of the file in this process
 * drops it. So while it is held, the file is read and written only through its one channel, and
 * inspected only with {@code stat}/{@code readlink}, never opened again.
 */
final class TreeLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
  private static final long POLL_MILLIS = 50;

  private final Path file;
  private final ReentrantLock threadLock;
  private final FileChannel channel;
  private final FileLock lock;

  private TreeLock(Path file, ReentrantLock threadLock, FileChannel channel, FileLock lock) {
    this.file = file;
    this.threadLock = threadLock;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock on {@code file}, waiting at most {@code wait} for a holder to finish ({@link
   * Duration#ZERO}: fail at once). Says through {@code messages} whom it waits for, and when it
   * takes over from a holder that died.
   *
   * @throws TreeLockedException if another run still holds it after {@code wait}
   */
  static TreeLock acquire(Path file, String tree, Duration wait, Consumer<String> messages) throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    ReentrantLock threadLock = IN_THIS_JVM.computeIfAbsent(file, f -> new ReentrantLock(true));
    try {
      if (!threadLock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new TreeLockedException(
            "another thread of this process (pid " + ProcessHandle.current().pid() + ") is writing " + tree
                + "; waited " + seconds(wait) + ". Run one generate per output directory at a time.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to write " + tree, e);
    }
    boolean told = false;
    try {
      while (true) {
        Files.createDirectories(file.getParent());
        FileChannel channel =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
          channel.close();
          throw e;
        }
        if (lock != null && !lockedFileWasDeleted(file)) {
          String previous = read(channel);
          if (!previous.isBlank()) {
            messages.accept(tree + ": the run that last held " + file.getFileName() + " ("
                + Holder.parse(previous).describe() + ") did not finish: it was killed or crashed."
                + " Its lock was released with it; undoing what it left half-done.");
          }
          channel.truncate(0);
          channel.write(ByteBuffer.wrap(Holder.current().text().getBytes(StandardCharsets.UTF_8)), 0);
          channel.force(true);
          return new TreeLock(file, threadLock, channel, lock);
        }
        String holder = lock == null ? read(channel) : "";
        channel.close(); // releases the lock, if it was a lock on a file since deleted
        if (lock != null) {
          continue; // the holder deleted the file as we opened it: lock the one at the path now
        }
        String who = holder.isBlank() ? "another run (starting up)" : Holder.parse(holder).describe();
        if (System.nanoTime() - deadline >= 0) {
          throw new TreeLockedException(
              tree + " is being written by " + who + "; " + (wait.isZero() ? "not waiting" : "waited " + seconds(wait))
                  + ". Run one generate per output directory at a time, or wait longer (lock file: " + file + ").");
        }
        if (!told) {
          messages.accept(tree + " is being written by " + who + "; waiting up to " + seconds(wait) + " for it to finish");
          told = true;
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException | RuntimeException e) {
      threadLock.unlock();
      throw e;
    } catch (InterruptedException e) {
      threadLock.unlock();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to write " + tree, e);
    }
  }

  private static final Path OWN_DESCRIPTORS = Path.of("/proc/self/fd");

  /**
   * Whether a descriptor of this process points at {@code file} deleted: the file we just locked,
   * deleted by its previous holder after we opened it (only this thread has the file open).
   */
  private static boolean lockedFileWasDeleted(Path file) throws IOException {
    if (!Files.isDirectory(OWN_DESCRIPTORS)) {
      return false; // the file is never deleted there: see close()
    }
    String deleted = file.getParent().toRealPath().resolve(file.getFileName()) + " (deleted)";
    try (Stream<Path> descriptors = Files.list(OWN_DESCRIPTORS)) {
      return descriptors.anyMatch(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().equals(deleted);
        } catch (IOException e) {
          return false; // closed meanwhile (the descriptor of the listing itself, for one)
        }
      });
    }
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  private static String seconds(Duration wait) {
    return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
  }

  /**
   * Deletes the lock file (or, without {@code /proc}, empties it), then releases the lock: a run
   * that ends normally leaves no holder behind.
   */
  @Override
  public void close() throws IOException {
    try (channel) {
      if (Files.isDirectory(OWN_DESCRIPTORS)) {
        Files.deleteIfExists(file);
      } else {
        channel.truncate(0);
        channel.force(true);
      }
      lock.release();
    } finally {
      threadLock.unlock();
    }
  }

  /** Who holds (or last held) a lock: the content of the lock file. */
  record Holder(long pid, String host, String started) {
    static Holder current() {
      ProcessHandle self = ProcessHandle.current();
      return new Holder(self.pid(), hostName(), Instant.now().toString());
    }

    String text() {
      return "pid=" + pid + "\nhost=" + host + "\nstarted=" + started + "\n";
    }

    static Holder parse(String text) {
      long pid = -1;
      String host = "?";
      String started = "?";
      for (String line : text.split("\n")) {
        int eq = line.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String value = line.substring(eq + 1).strip();
        switch (line.substring(0, eq)) {
          case "pid" -> pid = parseLong(value);
          case "host" -> host = value;
          case "started" -> started = value;
          default -> { }
        }
      }
      return new Holder(pid, host, started);
    }

    private static long parseLong(String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    /** "pid 123 on host h, started 2026-…Z, still running" (liveness only known on this host). */
    String describe() {
      String text = "pid " + pid + " on host " + host + ", started " + started;
      if (!host.equals(hostName()) || pid < 0) {
        return text;
      }
      Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      return text + (process.isPresent() ? ", running" : ", no longer running");
    }

    private static String hostName() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return "unknown";
      }
    }
  }
}
