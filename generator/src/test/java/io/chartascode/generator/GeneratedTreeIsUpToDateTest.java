package io.chartascode.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.chartascode.generator.testing.FileTrees;
import io.chartascode.generator.write.FileTreeWriter;
import io.chartascode.services.Services;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.core.VerifyResult;
import org.approvaltests.namer.ApprovalNamer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed {@code generated/} tree is the approved output: every file the model renders is
 * approved against its committed copy with ApprovalTests, byte for byte, and the file lists must
 * match. A model change therefore shows up in review as the diff of {@code generated/}, and a
 * hand edit of {@code generated/} fails the build. There is no second golden copy to keep in sync.
 */
class GeneratedTreeIsUpToDateTest {
  static final String FIX = "./mvnw -q generate-resources";

  private static final Path GENERATED = Path.of(System.getProperty("generated.dir", "../generated"));
  private static final SortedMap<String, String> RENDERED = Generator.render(Services.all());

  @Test
  void committedTreeHasExactlyTheRenderedFiles() throws IOException {
    SortedSet<String> expected = new TreeSet<>(RENDERED.keySet());
    expected.add(FileTreeWriter.MANIFEST);
    SortedSet<String> actual = new TreeSet<>(FileTrees.read(GENERATED).keySet());
    if (!expected.equals(actual)) {
      SortedSet<String> missing = new TreeSet<>(expected);
      missing.removeAll(actual);
      SortedSet<String> extra = new TreeSet<>(actual);
      extra.removeAll(expected);
      fail(GENERATED + " is out of date.\n  missing: " + missing + "\n  not generated: " + extra
          + "\nRun `" + FIX + "` and commit the result.");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyGeneratedFileIsApproved() {
    return RENDERED.entrySet().stream()
        .filter(e -> Files.exists(GENERATED.resolve(e.getKey())))
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> approve(GENERATED, e.getKey(), e.getValue())));
  }

  @Test
  void aHandEditFailsWithAUnifiedDiffAndTheFix(@TempDir Path copy) throws IOException {
    SortedMap<String, String> rendered = Generator.render(Services.all());
    new FileTreeWriter(copy).write(rendered);
    Path edited = copy.resolve("helm/envapp/values.yaml");
    Files.writeString(edited, Files.readString(edited).replace("replicaCount: 3", "replicaCount: 4"));

    AssertionError error = null;
    try {
      approve(copy, "helm/envapp/values.yaml", rendered.get("helm/envapp/values.yaml"));
    } catch (AssertionError e) {
      error = e;
    }
    assertThat(error).isNotNull();
    assertThat(error.getMessage())
        .contains("--- generated/helm/envapp/values.yaml")
        .contains("-replicaCount: 4")
        .contains("+replicaCount: 3")
        .contains(FIX);
  }

  /** Approves {@code content} against {@code root/path}, byte for byte, with a readable diff. */
  static void approve(Path root, String path, String content) {
    Path approved = root.resolve(path);
    Options options =
        new Options()
            .withReporter((received, approvedFile) -> true)
            .withComparator(
                (File receivedFile, File approvedFile) ->
                    VerifyResult.from(Arrays.equals(bytes(receivedFile.toPath()), bytes(approvedFile.toPath()))))
            .forFile()
            .withNamer(new FixedNamer(approved, Path.of("target/approvals-received").resolve(path)));
    try {
      Approvals.verify(content, options);
    } catch (Error e) {
      throw new AssertionError(
          "generated/" + path + " differs from what the model produces:\n"
              + unifiedDiff(path, readOrEmpty(approved), content)
              + "\nIf the change is intended, run `" + FIX + "` and commit generated/.",
          e);
    }
  }

  static String unifiedDiff(String path, String committed, String rendered) {
    List<String> a = committed.lines().toList();
    List<String> b = rendered.lines().toList();
    List<String> diff =
        UnifiedDiffUtils.generateUnifiedDiff(
            "generated/" + path, "rendered/" + path, a, DiffUtils.diff(a, b), 3);
    return String.join("\n", diff);
  }

  private static byte[] bytes(Path p) {
    try {
      return Files.exists(p) ? Files.readAllBytes(p) : new byte[0];
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String readOrEmpty(Path p) {
    return new String(bytes(p), StandardCharsets.UTF_8);
  }


  /** Points ApprovalTests at the committed file itself instead of a *.approved.* copy. */
  private record FixedNamer(Path approved, Path received) implements ApprovalNamer {
    @Override
    public File getApprovedFile(String extension) {
      return approved.toFile();
    }

    @Override
    public File getReceivedFile(String extension) {
      try {
        Files.createDirectories(received.getParent());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      return received.toFile();
    }

    @Override
    public ApprovalNamer addAdditionalInformation(String info) {
      return this;
    }

    @Override
    public String getAdditionalInformation() {
      return "";
    }

    @Override
    public String getApprovalName() {
      return approved.getFileName().toString();
    }

    @Override
    public String getSourceFilePath() {
      return approved.getParent().toString();
    }
  }

}
