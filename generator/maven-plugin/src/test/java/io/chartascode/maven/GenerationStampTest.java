package io.chartascode.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When {@code generate} may skip its work: only when its inputs and the tree are as it left them. */
class GenerationStampTest {
  @TempDir Path dir;
  Path tree;
  Path file;
  /** A file the model names, outside src/main, that the last run read. */
  Path config;
  List<String> inputs = List.of("model abc", "plugin io.chartascode:chart-as-code-maven-plugin:1.0");

  @BeforeEach
  void aTreeWrittenByTheLastRun() throws IOException {
    tree = dir.resolve("generated");
    Files.createDirectories(tree.resolve("helm/shop"));
    Files.writeString(tree.resolve("helm/shop/values.yaml"), "replicas: 2\n");
    Files.writeString(tree.resolve("deploy.sh"), "#!/bin/sh\n");
    config = dir.resolve("config/app.properties");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "a=1\n");
    Files.setLastModifiedTime(config, FileTime.fromMillis(1_000));
    file = dir.resolve("target/chart-as-code/generated.stamp");
    GenerationStamp.of(file, inputs).save(tree, List.of(config));
  }

  @Test
  void currentWhenInputsAndTreeAreUnchanged() {
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isTrue();
  }

  @Test
  void theStampSaysWhatItWasComputedFrom() throws IOException {
    assertThat(Files.readString(file))
        .startsWith("project files 1\n4|1000|" + config + "\nmodel abc\nplugin io.chartascode:chart-as-code-maven-plugin:1.0\ntree ")
        .contains("\nhelm/\nhelm/shop/\nhelm/shop/values.yaml|12|-|");
  }

  @Test
  void notCurrentBeforeAnyRun() {
    assertThat(GenerationStamp.of(dir.resolve("none"), inputs).isCurrent(tree)).isFalse();
  }

  @Test
  void notCurrentWhenAnInputChanged() {
    assertThat(GenerationStamp.of(file, List.of("model abd", inputs.get(1))).isCurrent(tree)).isFalse();
    assertThat(GenerationStamp.of(file, List.of(inputs.get(0))).isCurrent(tree)).isFalse();
  }

  @Test
  void notCurrentAfterAHandEditOfTheSameSize() throws IOException {
    Files.writeString(tree.resolve("helm/shop/values.yaml"), "replicas: 3\n");
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isFalse();
  }

  @Test
  void notCurrentWhenAFileIsAddedRemovedOrRenamed() throws IOException {
    Files.writeString(tree.resolve("helm/notes.txt"), "");
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isFalse();
    Files.delete(tree.resolve("helm/notes.txt"));
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isTrue();

    Files.move(tree.resolve("deploy.sh"), tree.resolve("helm/deploy.sh"));
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isFalse();
  }

  @Test
  void notCurrentWhenAScriptLostItsExecutableBit() throws IOException {
    Files.setPosixFilePermissions(tree.resolve("deploy.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    GenerationStamp.of(file, inputs).save(tree, List.of(config));
    Files.setPosixFilePermissions(tree.resolve("deploy.sh"), PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isFalse();
  }

  @Test
  void notCurrentWhenAFileTheModelNamesChanged() throws IOException {
    Files.writeString(config, "a=22\n");
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isFalse();
  }

  @Test
  void notCurrentWhenAFileTheModelNamesIsTouchedOrGoneOrComesBack() throws IOException {
    Files.setLastModifiedTime(config, FileTime.fromMillis(2_000)); // a same-size edit: only the time tells
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isFalse();

    Files.delete(config);
    GenerationStamp.of(file, inputs).save(tree, List.of(config)); // a run that found it missing
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isTrue();
    Files.writeString(config, "a=1\n");
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isFalse();
  }

  @Test
  void notCurrentWhenTheStampIsNotOneThisPluginWrote() throws IOException {
    Files.writeString(file, "model abc\nplugin io.chartascode:chart-as-code-maven-plugin:1.0\ntree " + tree + "\n");
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isFalse();
    Files.writeString(file, "project files 2\n4|1000|" + config + "\n");
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isFalse();
  }

  @Test
  void notCurrentWhenTheTreeIsGone() throws IOException {
    io.chartascode.generator.write.FileTreeWriter.deleteRecursively(tree);
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isFalse();
  }

  @Test
  void notCurrentAfterClear() throws IOException {
    GenerationStamp.of(file, inputs).clear();
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isFalse();
  }

  @Test
  void touchingAFileWithoutChangingItKeepsTheTreeCurrent() throws IOException {
    Files.setLastModifiedTime(tree.resolve("helm/shop/values.yaml"), FileTime.fromMillis(0));
    assertThat(GenerationStamp.of(file, inputs).isCurrent(tree)).isTrue();
  }

  @Test
  void describeChangesWithAFileSizeOrModificationTime() throws IOException {
    Path config = dir.resolve("src/main/config/app.properties");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "a=1\n");
    Files.setLastModifiedTime(config, FileTime.fromMillis(1_000));
    String before = GenerationStamp.describe(dir.resolve("src/main"));

    Files.writeString(config, "a=2\n");
    Files.setLastModifiedTime(config, FileTime.fromMillis(1_000));
    assertThat(GenerationStamp.describe(dir.resolve("src/main"))).isEqualTo(before); // same size and time
    Files.setLastModifiedTime(config, FileTime.fromMillis(2_000));
    assertThat(GenerationStamp.describe(dir.resolve("src/main"))).isNotEqualTo(before);
    assertThat(GenerationStamp.describe(dir.resolve("missing"))).endsWith("missing: none");
  }
}
