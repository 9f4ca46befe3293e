package io.chartascode.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.chartascode.generator.write.FileTreeWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chart that changed since git HEAD under the same version is found; every other case is not. */
class UnbumpedVersionCheckTest {
  @TempDir Path repo;
  Path chart;
  final List<String> debug = new ArrayList<>();

  static SortedMap<String, String> chart(String version, String values) {
    return new TreeMap<>(Map.of(
        "Chart.yaml", "apiVersion: v2\nname: shop\nversion: \"" + version + "\"\n",
        "values.yaml", values,
        "templates/deployment.yaml", "kind: Deployment\n"));
  }

  @BeforeEach
  void commitVersion100() throws Exception {
    chart = repo.resolve("generated/helm/shop");
    write(chart("1.0.0", "replicas: 1\n"));
    git("init", "-q");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "1.0.0");
  }

  @Test
  void unchangedContentIsFine() {
    assertThat(UnbumpedVersionCheck.check("shop", "1.0.0", chart, chart("1.0.0", "replicas: 1\n"), debug::add)).isEmpty();
  }

  @Test
  void changedContentUnderTheSameVersionIsFoundWithTheChangedFiles() {
    var finding = UnbumpedVersionCheck.check("shop", "1.0.0", chart, chart("1.0.0", "replicas: 2\n"), debug::add);
    assertThat(finding).isPresent();
    assertThat(finding.get().changedFiles()).containsExactly("values.yaml");
    assertThat(finding.get().message()).contains("chart shop differs from the one committed in git HEAD (values.yaml)",
        "its version is still 1.0.0", "raise chartVersion");
  }

  @Test
  void aRemovedFileCountsAsAChange() {
    SortedMap<String, String> files = chart("1.0.0", "replicas: 1\n");
    files.remove("templates/deployment.yaml");
    assertThat(UnbumpedVersionCheck.check("shop", "1.0.0", chart, files, debug::add).get().changedFiles())
        .containsExactly("templates/deployment.yaml");
  }

  @Test
  void changedContentWithABumpedVersionIsFine() {
    assertThat(UnbumpedVersionCheck.check("shop", "1.1.0", chart, chart("1.1.0", "replicas: 2\n"), debug::add)).isEmpty();
  }

  @Test
  void aNewChartOrNoGitIsNotChecked() throws IOException {
    assertThat(UnbumpedVersionCheck.check("cart", "1.0.0", repo.resolve("generated/helm/cart"), chart("1.0.0", ""), debug::add)).isEmpty();
    // The build's temp directory lies inside this repository's work tree; the system's does not.
    Path elsewhere = Files.createTempDirectory(Path.of("/tmp"), "no-git-");
    try {
      Path outside = Files.createDirectories(elsewhere.resolve("helm/shop"));
      assertThat(UnbumpedVersionCheck.check("shop", "1.0.0", outside, chart("1.0.0", ""), debug::add)).isEmpty();
    } finally {
      FileTreeWriter.deleteRecursively(elsewhere);
    }
    assertThat(debug).anyMatch(l -> l.contains("does not exist yet")).anyMatch(l -> l.contains("not in a Git work tree"));
  }

  @Test
  void blobIdsAreGits() {
    // printf 'hello\n' | git hash-object --stdin
    assertThat(UnbumpedVersionCheck.blobId("hello\n")).isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
  }

  private void write(SortedMap<String, String> files) throws IOException {
    for (var f : files.entrySet()) {
      Path p = chart.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
  }

  private void git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("HOME", repo.toString());
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
