package io.chartascode.generator.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs on one tree never interleave (issue 17): real processes and threads, started to write
 * at the same moment, many times. The tree afterwards is exactly one run's output.
 */
class ConcurrentWritesTest {
  private static final int FILES = 300;
  private static final int PAIRS = 6;

  @TempDir Path dir;

  private Path root() {
    return dir.resolve("generated");
  }

  @Test
  void twoProcessesOnOneTreeTakeTurnsAndTheTreeIsExactlyOneRunsOutput() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    new FileTreeWriter(root()).write(WriterProcess.tree("0", FILES));
    Files.writeString(root().resolve("service-7/notes.md"), "mine\n");
    int waited = 0;
    for (int pair = 0; pair < PAIRS; pair++) {
      long startAt = System.currentTimeMillis() + 1500;
      ChildJvm a = ChildJvm.start(tmp, root().toString(), "a" + pair, String.valueOf(FILES), "60000", String.valueOf(startAt));
      ChildJvm b = ChildJvm.start(tmp, root().toString(), "b" + pair, String.valueOf(FILES), "60000", String.valueOf(startAt));
      assertThat(a.exit()).as("a: %s%s", a.out(), a.err()).isZero();
      assertThat(b.exit()).as("b: %s%s", b.out(), b.err()).isZero();
      String log = a.out() + b.out();
      if (log.contains(" is being written by ")) {
        waited++;
        assertThat(log).containsPattern(
            "is being written by (pid \\d+ on host \\S+, started \\S+, running|another run \\(starting up\\)); waiting up to 60 s");
      }
      Map<String, byte[]> tree = FileTreeWriterTest.snapshot(root());
      String first = "a" + pair;
      String second = "b" + pair;
      assertThat(tree).as("pair %d", pair).satisfiesAnyOf(t -> assertIsExactly(t, first), t -> assertIsExactly(t, second));
      assertNothingBesideTheTree();
    }
    System.out.printf("concurrent writes: %d pairs of processes, %d files each; in %d one run waited for the other%n",
        PAIRS, FILES, waited);
    // Started within a few ms of each other, writes that take much longer than that overlap: the
    // lock, not luck, kept them apart. Should every pair have missed, the test proved nothing.
    assertThat(waited).as("pairs in which one run waited for the other").isGreaterThan(PAIRS / 2);
  }

  private void assertIsExactly(Map<String, byte[]> tree, String version) {
    SortedMap<String, String> expected = WriterProcess.tree(version, FILES);
    assertThat(tree.keySet()).containsExactlyInAnyOrderElementsOf(withManifestAndNotes(expected));
    expected.forEach((path, content) -> assertThat(new String(tree.get(path), java.nio.charset.StandardCharsets.UTF_8))
        .as(path).isEqualTo(content));
  }

  private static List<String> withManifestAndNotes(SortedMap<String, String> expected) {
    List<String> paths = new ArrayList<>(expected.keySet());
    paths.add(FileTreeWriter.MANIFEST);
    paths.add("service-7/notes.md");
    return paths;
  }

  private void assertNothingBesideTheTree() throws IOException {
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("generated", "tmp");
    }
  }

  @Test
  void withoutWaitingTheSecondRunFailsAtOnceNamingTheHolder() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    new FileTreeWriter(root()).write(WriterProcess.tree("0", 10));
    ChildJvm holder = ChildJvm.start(tmp, root().toString(), "hold", "0", "0", "0");
    try {
      holder.awaitLine("locked", 30_000);
      long pid = holder.process.pid();
      long start = System.nanoTime();
      assertThatThrownBy(() -> new FileTreeWriter(root()).withLockWait(Duration.ZERO).write(WriterProcess.tree("1", 10)))
          .isInstanceOf(TreeLockedException.class)
          .hasMessageContaining(root() + " is being written by pid " + pid + " on host ")
          .hasMessageContaining(", running; not waiting. Run one generate per output directory at a time");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

      List<String> messages = new ArrayList<>();
      assertThatThrownBy(() -> new FileTreeWriter(root()).withLockWait(Duration.ofMillis(300)).withMessages(messages::add)
              .write(WriterProcess.tree("1", 10)))
          .isInstanceOf(TreeLockedException.class)
          .hasMessageContaining("waited 300 ms");
      assertThat(messages).singleElement().asString().contains("waiting up to 300 ms for it to finish");
    } finally {
      holder.kill();
    }
    assertThat(FileTreeWriterTest.snapshot(root())).containsKey("service-0/templates/file-0.yaml");
    assertThat(Files.readString(root().resolve("service-0/run.sh"))).contains("echo 0");
  }

  @Test
  void aLockLeftByAKilledProcessDoesNotBlockAndIsReported() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    new FileTreeWriter(root()).write(WriterProcess.tree("0", 10));
    ChildJvm holder = ChildJvm.start(tmp, root().toString(), "hold", "0", "0", "0");
    holder.awaitLine("locked", 30_000);
    long pid = holder.process.pid();
    holder.kill();
    assertThat(dir.resolve(".generated.lock")).as("the killed run's lock file").exists();

    List<String> messages = new ArrayList<>();
    WriteReport report = new FileTreeWriter(root()).withLockWait(Duration.ZERO).withMessages(messages::add)
        .write(WriterProcess.tree("1", 10));

    assertThat(report.changed()).isNotEmpty();
    assertThat(messages).singleElement().asString()
        .contains("the run that last held .generated.lock (pid " + pid + " on host ")
        .contains("no longer running) did not finish: it was killed or crashed");
    assertThat(dir.resolve(".generated.lock")).doesNotExist();
  }

  @Test
  void twoThreadsOfOneProcessTakeTurnsToo() throws Exception {
    new FileTreeWriter(root()).write(WriterProcess.tree("0", FILES));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<WriteReport>> runs = new ArrayList<>();
        for (String version : List.of("x" + round, "y" + round)) {
          runs.add(pool.submit(() -> {
            go.await();
            return new FileTreeWriter(root()).write(WriterProcess.tree(version, FILES));
          }));
        }
        go.countDown();
        for (Future<WriteReport> run : runs) {
          run.get();
        }
        Map<String, byte[]> tree = FileTreeWriterTest.snapshot(root());
        String version = new String(tree.get("service-0/run.sh"), java.nio.charset.StandardCharsets.UTF_8).contains("x" + round)
            ? "x" + round : "y" + round;
        assertThat(tree.keySet()).hasSize(FILES + 2);
        WriterProcess.tree(version, FILES).forEach((path, content) ->
            assertThat(new String(tree.get(path), java.nio.charset.StandardCharsets.UTF_8)).as(path).isEqualTo(content));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aThreadThatWillNotWaitIsToldAnotherThreadIsWriting() throws Exception {
    new FileTreeWriter(root()).write(WriterProcess.tree("0", 10));
    try (TreeLock lock = TreeLock.acquire(dir.resolve(".generated.lock"), "tree", Duration.ZERO, m -> {})) {
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<?> other = pool.submit(() -> new FileTreeWriter(root()).withLockWait(Duration.ZERO).write(WriterProcess.tree("1", 10)));
        assertThatThrownBy(other::get).hasCauseInstanceOf(TreeLockedException.class)
            .hasMessageContaining("another thread of this process (pid " + ProcessHandle.current().pid() + ") is writing");
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
