package io.chartascode.generator.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileTreeWriterTest {
  @TempDir Path dir;

  private Path root() {
    return dir.resolve("generated");
  }


  /** A writer over {@link #root()} that fails just before it stages {@code failingPath}. */
  private FileTreeWriter failingAt(String failingPath) {
    return new FileTreeWriter(
        root(),
        path -> {
          if (path.equals(failingPath)) {
            throw new IOException("injected failure while writing " + path);
          }
        });
  }

  /** No staging tree, old tree or journal survives a write, whichever way it ended. */
  private void assertNothingIsLeftBesideTheTree() throws IOException {
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("generated");
    }
  }

  @Test
  void writesEveryFileAndAManifest() throws IOException {
    WriteReport report = new FileTreeWriter(root()).write(GeneratedFiles.of("a/b.yaml", "b\n", "c.txt", "c\n"));
    assertThat(report.changed()).containsExactly("a/b.yaml", "c.txt");
    assertThat(Files.readString(root().resolve("a/b.yaml"))).isEqualTo("b\n");
    assertThat(Files.readAllLines(root().resolve(FileTreeWriter.MANIFEST))).contains("a/b.yaml", "c.txt");
  }

  @Test
  void aSecondRunChangesNothing() throws IOException {
    var files = GeneratedFiles.of("a/b.yaml", "b\n");
    new FileTreeWriter(root()).write(files);
    long modified = Files.getLastModifiedTime(root().resolve("a/b.yaml")).toMillis();
    WriteReport again = new FileTreeWriter(root()).write(files);
    assertThat(again.changed()).isEmpty();
    assertThat(again.unchanged()).containsExactly("a/b.yaml");
    assertThat(Files.getLastModifiedTime(root().resolve("a/b.yaml")).toMillis()).isEqualTo(modified);
  }

  @Test
  void unchangedFilesAreCarriedOverAsTheSameFileWhenOthersChange() throws IOException {
    new FileTreeWriter(root()).write(GeneratedFiles.of("same.yaml", "s\n", "other.yaml", "o\n"));
    Object before = Files.getAttribute(root().resolve("same.yaml"), "unix:ino");

    WriteReport report = new FileTreeWriter(root()).write(GeneratedFiles.of("same.yaml", "s\n", "other.yaml", "o2\n"));

    assertThat(report.changed()).containsExactly("other.yaml");
    assertThat(root().resolve("same.yaml")).hasContent("s");
    assertThat(root().resolve("other.yaml")).hasContent("o2");
    assertThat(Files.getAttribute(root().resolve("same.yaml"), "unix:ino")).isEqualTo(before);
  }

  /** A change in one service must not cost a rebuild of every other service's directories. */
  @Test
  void directoriesWithNothingChangedAreMovedIntoTheNewTreeNotRebuilt() throws IOException {
    new FileTreeWriter(root()).write(GeneratedFiles.of("one/a.yaml", "a\n", "one/deep/b.yaml", "b\n", "two/c.yaml", "c\n"));
    Files.writeString(root().resolve("one/notes.md"), "mine\n");
    Object one = Files.getAttribute(root().resolve("one"), "unix:ino");
    Object two = Files.getAttribute(root().resolve("two"), "unix:ino");

    WriteReport report =
        new FileTreeWriter(root()).write(GeneratedFiles.of("one/a.yaml", "a\n", "one/deep/b.yaml", "b\n", "two/c.yaml", "c2\n"));

    assertThat(report.changed()).containsExactly("two/c.yaml");
    assertThat(Files.getAttribute(root().resolve("one"), "unix:ino")).isEqualTo(one);
    assertThat(Files.getAttribute(root().resolve("two"), "unix:ino")).isNotEqualTo(two);
    assertThat(snapshot(root()).keySet())
        .containsExactlyInAnyOrder("one/a.yaml", "one/deep/b.yaml", "one/notes.md", "two/c.yaml", FileTreeWriter.MANIFEST);
    assertThat(root().resolve("two/c.yaml")).hasContent("c2");
  }

  @Test
  void removesStaleFilesItCreatedButKeepsAndReportsHandAddedOnes() throws IOException {
    new FileTreeWriter(root()).write(GeneratedFiles.of("old.yaml", "o\n", "keep.yaml", "k\n"));
    Files.writeString(root().resolve("notes.md"), "mine\n");

    WriteReport report = new FileTreeWriter(root()).write(GeneratedFiles.of("keep.yaml", "k2\n"));

    assertThat(report.removed()).containsExactly("old.yaml");
    assertThat(report.unmanaged()).containsExactly("notes.md");
    assertThat(root().resolve("old.yaml")).doesNotExist();
    assertThat(root().resolve("notes.md")).hasContent("mine");
    assertThat(report.summary("generated")).contains("kept     notes.md  (not created by the generator");
  }

  @Test
  void aFailureMidRunLeavesTheOldTreeIntact() throws IOException {
    new FileTreeWriter(root()).write(GeneratedFiles.of("a.yaml", "old a\n", "b.yaml", "old b\n", "c.yaml", "old c\n"));
    Map<String, byte[]> before = snapshot(root());

    FileTreeWriter failing = failingAt("b.yaml");
    assertThatThrownBy(() -> failing.write(GeneratedFiles.of("a.yaml", "new a\n", "b.yaml", "new b\n", "c.yaml", "new c\n")))
        .hasMessageContaining("it is unchanged")
        .hasRootCauseMessage("injected failure while writing b.yaml");

    assertThat(snapshot(root())).containsExactlyInAnyOrderEntriesOf(before);
    assertNothingIsLeftBesideTheTree();
  }

  @Test
  void aFailureAfterMovingUnchangedDirectoriesPutsThemBack() throws IOException {
    new FileTreeWriter(root()).write(GeneratedFiles.of("keep/a.yaml", "a\n", "keep/b/c.yaml", "c\n", "z.yaml", "old z\n"));
    Map<String, byte[]> before = snapshot(root());
    Object keep = Files.getAttribute(root().resolve("keep"), "unix:ino");

    FileTreeWriter failing = failingAt("z.yaml");
    assertThatThrownBy(() -> failing.write(GeneratedFiles.of("keep/a.yaml", "a\n", "keep/b/c.yaml", "c\n", "z.yaml", "new z\n")))
        .hasRootCauseMessage("injected failure while writing z.yaml");

    assertThat(snapshot(root())).containsExactlyInAnyOrderEntriesOf(before);
    assertThat(Files.getAttribute(root().resolve("keep"), "unix:ino")).isEqualTo(keep);
    assertNothingIsLeftBesideTheTree();
  }

  /** What a killed process leaves: the writer catches exceptions, never errors. */
  private static final class Killed extends Error {
    Killed() {
      super("killed", null, false, false);
    }
  }

  @Test
  void aRunKilledWhileStagingLosesNoHandAddedFileOnTheNextRun() throws IOException {
    new FileTreeWriter(root()).write(GeneratedFiles.of("keep/a.yaml", "a\n", "z.yaml", "old z\n"));
    Files.writeString(root().resolve("keep/notes.md"), "mine\n");
    FileTreeWriter dying =
        new FileTreeWriter(
            root(),
            path -> {
              if (path.equals("z.yaml")) {
                throw new Killed();
              }
            });
    assertThatThrownBy(() -> dying.write(GeneratedFiles.of("keep/a.yaml", "a\n", "z.yaml", "new z\n"))).isInstanceOf(Killed.class);
    assertThat(root().resolve("keep")).as("moved into the staging tree when the process died").doesNotExist();

    WriteReport report = new FileTreeWriter(root()).write(GeneratedFiles.of("keep/a.yaml", "a\n", "z.yaml", "new z\n"));

    assertRecovered(report, "z.yaml", "new z", "keep/notes.md");
  }

  @Test
  void aRunKilledBetweenTheTwoRenamesOfTheSwapGetsTheOldTreeBackFirst() throws IOException {
    new FileTreeWriter(root()).write(GeneratedFiles.of("a.yaml", "a\n"));
    Files.writeString(root().resolve("notes.md"), "mine\n");
    // The state between the swap's renames: the old tree set aside, the new one still staged.
    Files.move(root(), dir.resolve(".generated.previous"));
    Files.createDirectories(dir.resolve(".generated.staging"));

    WriteReport report = new FileTreeWriter(root()).write(GeneratedFiles.of("a.yaml", "a2\n"));

    assertRecovered(report, "a.yaml", "a2", "notes.md");
  }

  @Test
  void aReaderRefusesATreeAKilledRunLeftHalfDoneAndWritesNothing() throws IOException {
    new FileTreeWriter(root()).write(GeneratedFiles.of("keep/a.yaml", "a\n", "z.yaml", "old z\n"));
    FileTreeWriter dying = new FileTreeWriter(root(), path -> {
      if (path.equals("z.yaml")) {
        throw new Killed();
      }
    });
    assertThatThrownBy(() -> dying.write(GeneratedFiles.of("keep/a.yaml", "a\n", "z.yaml", "new z\n"))).isInstanceOf(Killed.class);

    assertThatThrownBy(() -> new FileTreeWriter(root()).readWhole(tree -> tree))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was left half-written by a run that was killed (see .generated.borrowed beside it)")
        .hasMessageContaining("run it, then check again");
    assertThat(dir.resolve(".generated.borrowed")).as("the reader wrote nothing").exists();

    new FileTreeWriter(root()).write(GeneratedFiles.of("keep/a.yaml", "a\n", "z.yaml", "new z\n"));
    boolean whole = new FileTreeWriter(root()).readWhole(tree -> Files.exists(tree.resolve("keep/a.yaml")));
    assertThat(whole).isTrue();
  }

  @Test
  void aReaderWaitsForAWriteUnderWayAndSeesItsWholeTree() throws Exception {
    new FileTreeWriter(root()).write(GeneratedFiles.of("a.yaml", "old\n"));
    CountDownLatch staging = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FileTreeWriter slow = new FileTreeWriter(root(), path -> {
      staging.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
    });
    Thread writer = new Thread(() -> slow.write(GeneratedFiles.of("a.yaml", "new\n")));
    writer.start();
    staging.await();

    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> new FileTreeWriter(root()).readWhole(tree -> {
      try {
        return Files.readString(tree.resolve("a.yaml"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
    // A reader that did not wait would read the old tree now, before the write swaps it.
    Thread.sleep(500);
    release.countDown();
    writer.join();

    assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo("new\n");
  }

  /** The write after a killed one: only {@code changed} was rewritten, and the hand-added file survived. */
  private void assertRecovered(WriteReport report, String changed, String content, String handAdded) throws IOException {
    assertThat(report.changed()).containsExactly(changed);
    assertThat(report.unmanaged()).containsExactly(handAdded);
    assertThat(root().resolve(changed)).hasContent(content);
    assertThat(root().resolve(handAdded)).hasContent("mine");
    assertNothingIsLeftBesideTheTree();
  }

  @Test
  void aJournalThatPointsOutsideTheTreeIsRefusedNotFollowed() throws IOException {
    new FileTreeWriter(root()).write(GeneratedFiles.of("a.yaml", "a\n"));
    // A staging tree and a journal whose line would reach from it to a directory beside the tree.
    Files.createDirectories(dir.resolve(".generated.staging"));
    Path outside = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(dir.resolve(".generated.borrowed"), "../elsewhere\n");

    assertThatThrownBy(() -> new FileTreeWriter(root()).write(GeneratedFiles.of("a.yaml", "a2\n")))
        .hasMessageContaining("could not write")
        .hasRootCauseMessage(
            "refusing to write '../elsewhere': output paths must be relative, without '.', '..' or empty segments");

    assertThat(outside).isDirectory();
    assertThat(root().resolve("a.yaml")).hasContent("a");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../escape.yaml", "/etc/passwd", "a/../../b", "a//b", "./a", "a\\b", ""})
  void refusesPathsOutsideTheRoot(String path) {
    assertThatThrownBy(() -> new FileTreeWriter(root()).write(GeneratedFiles.of(path, "x\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing to write");
    assertThat(dir.resolve("escape.yaml")).doesNotExist();
    assertThat(root()).doesNotExist();
  }

  @Test
  void refusesToFollowASymlinkOutOfTheRoot() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    new FileTreeWriter(root()).write(GeneratedFiles.of("charts/a.yaml", "a\n"));
    // Someone replaces a managed directory with a link to somewhere else.
    Path charts = root().resolve("charts");
    Files.delete(charts.resolve("a.yaml"));
    Files.delete(charts);
    Files.createSymbolicLink(charts, outside);

    assertThatThrownBy(() -> new FileTreeWriter(root()).write(GeneratedFiles.of("charts/a.yaml", "new\n")))
        .hasMessageContaining("is a symbolic link to " + outside);

    try (Stream<Path> escaped = Files.list(outside)) {
      assertThat(escaped).isEmpty();
    }
    assertThat(Files.isSymbolicLink(root().resolve("charts"))).isTrue();
  }



  /** Every file under the tree with its bytes. */
  static Map<String, byte[]> snapshot(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (String path : FileTreeWriter.listFiles(root)) {
      files.put(path, Files.readAllBytes(root.resolve(path)));
    }
    return files;
  }
}
