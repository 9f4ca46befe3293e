package io.chartascode.generator.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What check and the testing kit tell a user whose committed tree no longer matches the model. */
class DriftTest {
  @TempDir Path dir;

  private Path tree() {
    return dir.resolve("generated");
  }


  @Test
  void aTreeJustWrittenHasNoDrift() {
    SortedMap<String, String> model = GeneratedFiles.of("helm/a/values.yaml", "replicaCount: 3\n");
    new FileTreeWriter(tree()).write(model);

    assertThat(Drift.between(tree(), model).isEmpty()).isTrue();
  }

  @Test
  void aHandEditIsAChangedFileWithAUnifiedDiffAndTheFix() throws IOException {
    SortedMap<String, String> model = GeneratedFiles.of("helm/a/values.yaml", "image: a\nreplicaCount: 3\nport: 80\n");
    new FileTreeWriter(tree()).write(model);
    Files.writeString(tree().resolve("helm/a/values.yaml"), "image: a\nreplicaCount: 4\nport: 80\n");

    String report = Drift.between(tree(), model).report("mvn generate-resources");

    assertThat(report).isEqualTo("""
        generated: 1 file differs from what the model renders:
          changed: generated/helm/a/values.yaml

        --- generated/helm/a/values.yaml
        +++ rendered/helm/a/values.yaml
        @@ -1,3 +1,3 @@
         image: a
        -replicaCount: 4
        +replicaCount: 3
         port: 80

        Fix: run `mvn generate-resources` and commit generated/.
        """);
  }

  @Test
  void missingStaleAndHandAddedFilesAreEachNamed() throws IOException {
    new FileTreeWriter(tree()).write(GeneratedFiles.of("old.yaml", "a: 1\n", "kept.yaml", "b: 2\n"));
    Files.writeString(tree().resolve("notes.txt"), "mine\n");

    Drift drift = Drift.between(tree(), GeneratedFiles.of("kept.yaml", "b: 2\n", "new.yaml", "c: 3\n"));

    assertThat(drift.files()).extracting(Drift.FileDrift::path, Drift.FileDrift::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple(FileTreeWriter.MANIFEST, Drift.Kind.CHANGED),
        org.assertj.core.groups.Tuple.tuple("new.yaml", Drift.Kind.MISSING),
        org.assertj.core.groups.Tuple.tuple("notes.txt", Drift.Kind.UNMANAGED),
        org.assertj.core.groups.Tuple.tuple("old.yaml", Drift.Kind.STALE));
    assertThat(drift.report("mvn generate-resources"))
        .contains("--- /dev/null\n+++ rendered/new.yaml\n@@ -1,0 +1,1 @@\n+c: 3\n")
        .contains("--- generated/old.yaml\n+++ /dev/null\n@@ -1,1 +1,0 @@\n-a: 1\n")
        .contains("not generated (hand-added): generated/notes.txt")
        .endsWith("; move the hand-added files out of generated/ (generate keeps them, but only generated files belong there).\n");
  }

  @Test
  void anAbsentTreeIsEveryFileMissing() {
    Drift drift = Drift.between(tree(), GeneratedFiles.of("a.yaml", "a: 1\n"));

    assertThat(drift.files()).extracting(Drift.FileDrift::kind).containsOnly(Drift.Kind.MISSING);
    assertThat(drift.summary()).isEqualTo("generated: 2 files differ from what the model renders");
  }
}
