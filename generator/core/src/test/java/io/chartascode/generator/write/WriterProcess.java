package io.chartascode.generator.write;

import java.nio.file.Path;
import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A generate in a process of its own, for the tests that need real processes (locks, kill -9):
 * {@code WriterProcess <root> <version> <files> <lockWaitMillis> <startAtEpochMillis>} waits until the
 * given time (so that two processes start writing together), prints {@code writing}, writes {@link
 * #tree} and prints {@code written <n> in <ms> ms}; or prints the exception's message on stderr and
 * exits 3. Version {@code hold} takes the tree's lock, prints {@code locked} and sleeps.
 */
public final class WriterProcess {
  private WriterProcess() {}

  /**
   * {@code files} files in 10 directories; those in service-0 to service-5 differ between versions,
   * those in service-6 to service-9 do not (so a write moves them over whole, through the journal).
   */
  static SortedMap<String, String> tree(String version, int files) {
    SortedMap<String, String> tree = new TreeMap<>();
    for (int i = 0; i < files; i++) {
      int service = i % 10;
      String content = service < 6 ? "# version " + version + ", file " + i + "\n" : "# file " + i + "\n";
      tree.put("service-" + service + "/templates/file-" + i + ".yaml", content.repeat(20));
    }
    tree.put("service-0/run.sh", "#!/bin/sh\necho " + version + "\n");
    return tree;
  }

  public static void main(String[] args) throws InterruptedException {
    Path root = Path.of(args[0]);
    String version = args[1];
    if (version.equals("hold")) {
      hold(root);
      return;
    }
    int files = Integer.parseInt(args[2]);
    Duration wait = Duration.ofMillis(Long.parseLong(args[3]));
    long startAt = Long.parseLong(args[4]);
    SortedMap<String, String> tree = tree(version, files);
    long delay = startAt - System.currentTimeMillis();
    if (delay > 0) {
      Thread.sleep(delay);
    }
    try {
      FileTreeWriter writer = new FileTreeWriter(root).withLockWait(wait).withMessages(m -> System.out.println("message: " + m));
      System.out.println("writing");
      long start = System.nanoTime();
      WriteReport report = writer.write(tree);
      System.out.println("written " + report.changed().size() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    } catch (TreeLockedException e) {
      System.err.println(e.getMessage());
      System.exit(3);
    }
  }

  private static void hold(Path root) throws InterruptedException {
    try (TreeLock lock = TreeLock.acquire(root.resolveSibling("." + root.getFileName() + ".lock"), root.toString(),
        Duration.ZERO, m -> {})) {
      System.out.println("locked");
      Thread.sleep(Long.MAX_VALUE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
