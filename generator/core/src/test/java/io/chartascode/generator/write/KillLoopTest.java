package io.chartascode.generator.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random points of a write, in a real process (issue 17; bench/kill-loop.sh runs the
 * same with the real generator, hundreds of times). After each kill, and the recovery every write
 * starts with, the tree is exactly the old or the new output with the hand-added files, and the
 * next run finishes cleanly with exactly the new output and nothing left beside the tree.
 */
class KillLoopTest {
  private static final int FILES = 300;
  private static final int ITERATIONS = 12;
  /** Kills that must land inside a write; on a loaded machine the loop goes on, up to MAX_ITERATIONS, to get them. */
  private static final int MID_WRITE = 3;
  private static final int MAX_ITERATIONS = 40;
  private static final Map<String, String> HAND_ADDED =
      Map.of("notes.md", "mine\n", "service-3/mine.txt", "mine too\n", "service-8/templates/extra.yaml", "kept: true\n");

  @TempDir Path dir;

  @Test
  void everyKillLeavesTheOldOrTheNewTreeAndTheNextRunFinishes() throws Exception {
    Path root = dir.resolve("generated");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    long seed = Long.getLong("killLoop.seed", System.nanoTime());
    Random random = new Random(seed);
    new FileTreeWriter(root).write(WriterProcess.tree("v0", FILES));
    HAND_ADDED.forEach((path, content) -> write(root.resolve(path), content));
    long writeMillis = calibrate(tmp);

    int old = 0;
    int renewed = 0;
    int midWrite = 0;
    int i = 1;
    for (; (i <= ITERATIONS || midWrite < MID_WRITE) && i <= MAX_ITERATIONS; i++) {
      String from = "v" + (i - 1);
      String to = "v" + i;
      ChildJvm child = ChildJvm.start(tmp, root.toString(), to, String.valueOf(FILES), "0", "0");
      child.awaitLine("writing", 60_000);
      long delay = (long) (random.nextDouble() * writeMillis * 1.3);
      Thread.sleep(delay);
      child.kill();
      String context = "iteration " + i + " (seed " + seed + "), killed " + delay + " ms into a write of about "
          + writeMillis + " ms; child said:\n" + child.out();

      midWrite += new FileTreeWriter(root).recover() ? 1 : 0;
      Map<String, byte[]> tree = FileTreeWriterTest.snapshot(root);
      if (isExactly(tree, from)) {
        old++;
      } else {
        assertThat(isExactly(tree, to)).as("neither %s nor %s: %s; tree: %s", from, to, context, tree.keySet()).isTrue();
        renewed++;
      }
      assertNothingBesideTheTree(context);

      new FileTreeWriter(root).write(WriterProcess.tree(to, FILES));
      assertThat(isExactly(FileTreeWriterTest.snapshot(root), to)).as(context).isTrue();
      assertNothingBesideTheTree(context);
    }
    System.out.printf("kill loop: %d kills (seed %d, write ~%d ms): %d left the old tree, %d the new one,"
        + " %d had a half-done write to undo%n", i - 1, seed, writeMillis, old, renewed, midWrite);
    // Kills that all land before the write starts, or after it ends, would prove nothing.
    assertThat(midWrite).as("kills that interrupted a write, in %d kills", i - 1).isGreaterThanOrEqualTo(MID_WRITE);
  }

  /** How long the child takes from "writing" to "written", for the same change. */
  private long calibrate(Path tmp) throws Exception {
    Path scratch = dir.resolve("calibrate/generated");
    new FileTreeWriter(scratch).write(WriterProcess.tree("a", FILES));
    ChildJvm child = ChildJvm.start(tmp, scratch.toString(), "b", String.valueOf(FILES), "0", "0");
    assertThat(child.exit()).as(child.err()).isZero();
    String line = child.out().lines().filter(l -> l.startsWith("written ")).findFirst().orElseThrow();
    FileTreeWriter.deleteRecursively(dir.resolve("calibrate"));
    return Math.max(20, Long.parseLong(line.replaceAll(".* in (\\d+) ms", "$1")));
  }

  private static boolean isExactly(Map<String, byte[]> tree, String version) {
    SortedMap<String, String> expected = new TreeMap<>(WriterProcess.tree(version, FILES));
    expected.putAll(HAND_ADDED);
    expected.put(FileTreeWriter.MANIFEST, FileTreeWriter.manifestText(WriterProcess.tree(version, FILES).keySet()));
    if (!tree.keySet().equals(expected.keySet())) {
      return false;
    }
    return expected.entrySet().stream()
        .allMatch(e -> new String(tree.get(e.getKey()), StandardCharsets.UTF_8).equals(e.getValue()));
  }

  private void assertNothingBesideTheTree(String context) throws IOException {
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).as(context)
          .containsExactlyInAnyOrder("generated", "tmp");
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
