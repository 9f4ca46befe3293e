package io.chartascode.generator.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive is a function of the chart's files: same files, same bytes, on any JDK. */
class ChartArchiveTest {
  /**
   * The digest of {@link ArchiveFixture}'s archive. It must never change: if it does, every chart
   * version already published would get a new digest from the same model. Change it only with a
   * deliberate format change, and say so in the release notes.
   */
  static final String FIXTURE_DIGEST = "sha256:687b454b801a59c580637ba61f91993ea35aba67ffb108b20fba71bef7e710e4";

  static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  @TempDir Path tmp;

  @Test
  void sameFilesSameBytesAndTheKnownDigest() {
    ChartArchive first = ArchiveFixture.archive();
    ChartArchive second = ArchiveFixture.archive();
    assertThat(second.bytes()).isEqualTo(first.bytes());
    assertThat(first.digest()).isEqualTo(FIXTURE_DIGEST);
    assertThat(first.fileName()).isEqualTo("shop-1.0.0.tgz");
  }

  @Test
  void gzipHeaderHasNoTimestampAndNoOs() {
    byte[] gz = ArchiveFixture.archive().bytes();
    assertThat(gz[0] & 0xff).isEqualTo(0x1f);
    assertThat(gz[1] & 0xff).isEqualTo(0x8b);
    assertThat(gz[3]).as("FLG: no name, no comment, no extra").isZero();
    assertThat(new byte[] {gz[4], gz[5], gz[6], gz[7]}).as("MTIME").containsOnly(0);
    assertThat(gz[9] & 0xff).as("OS unknown").isEqualTo(255);
  }

  @Test
  void everyEntryIsAFileUnderTheChartNameWithFixedMetadataInPathOrder() throws IOException {
    List<Map<String, String>> entries = entries(ArchiveFixture.archive().bytes());
    assertThat(entries).extracting(e -> e.get("name")).containsExactlyElementsOf(
        ArchiveFixture.files().keySet().stream().map(p -> "shop/" + p).toList());
    for (Map<String, String> e : entries) {
      assertThat(e.get("type")).isEqualTo("0");
      assertThat(e.get("uid")).isEqualTo("0");
      assertThat(e.get("gid")).isEqualTo("0");
      assertThat(e.get("uname")).isEmpty();
      assertThat(e.get("mtime")).isEqualTo(Long.toString(315_532_800L));
      assertThat(e.get("mode")).isEqualTo(e.get("name").endsWith(".sh") ? "755" : "644");
      assertThat(e.get("content")).isEqualTo(ArchiveFixture.files().get(e.get("name").substring("shop/".length())));
    }
  }

  @Test
  void gnuTarReadsIt() throws Exception {
    Path tgz = Files.write(tmp.resolve("shop-1.0.0.tgz"), ArchiveFixture.archive().bytes());
    Process tar = new ProcessBuilder("tar", "-tvzf", tgz.toString()).redirectErrorStream(true).start();
    String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).as(out).isZero();
    assertThat(out).contains("-rw-r--r-- 0/0", "-rwxr-xr-x 0/0", "1980-01-01 00:00 shop/Chart.yaml",
        "shop/templates/a/rather/deep/directory/structure/to/exercise/the/ustar/prefix/field/of/the/header/which/holds/long/names/config.yaml");
  }

  @Test
  void theSameDigestFromJdk17AndJdk25InForkedJvms() throws Exception {
    assertThat(TEMURIN_25).as("this machine's second JDK").isExecutable();
    Path jdk17 = Path.of(System.getProperty("java.home"), "bin", "java");
    assertThat(fork(jdk17)).isEqualTo(FIXTURE_DIGEST);
    assertThat(fork(TEMURIN_25)).isEqualTo(FIXTURE_DIGEST);
  }

  @Test
  void aPathTooLongForUstarIsRefusedByName() {
    String name = "x".repeat(120);
    assertThatThrownBy(() -> ChartArchive.of("shop", "1.0.0", new java.util.TreeMap<>(Map.of("Chart.yaml", "", name, ""))))
        .hasMessageContaining("path too long for a ustar archive")
        .hasMessageContaining(name);
  }

  private String fork(Path java) throws Exception {
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        ArchiveFixture.class.getName())
        .redirectError(tmp.resolve("stderr-" + java.getParent().getParent().getFileName()).toFile())
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s exited; stderr in %s", java, tmp).isZero();
    return out;
  }

  /** A minimal ustar reader: what the test needs to see, independent of the writer. */
  static List<Map<String, String>> entries(byte[] tgz) throws IOException {
    byte[] tar = new GZIPInputStream(new ByteArrayInputStream(tgz)).readAllBytes();
    List<Map<String, String>> entries = new ArrayList<>();
    int at = 0;
    while (at + 512 <= tar.length && tar[at] != 0) {
      Map<String, String> e = new LinkedHashMap<>();
      String prefix = field(tar, at + 345, 155);
      String name = field(tar, at, 100);
      e.put("name", prefix.isEmpty() ? name : prefix + "/" + name);
      e.put("mode", Long.toString(Long.parseLong(field(tar, at + 100, 8), 8), 8));
      e.put("uid", Long.toString(Long.parseLong(field(tar, at + 108, 8), 8)));
      e.put("gid", Long.toString(Long.parseLong(field(tar, at + 116, 8), 8)));
      long size = Long.parseLong(field(tar, at + 124, 12), 8);
      e.put("mtime", Long.toString(Long.parseLong(field(tar, at + 136, 12), 8)));
      e.put("type", field(tar, at + 156, 1));
      e.put("uname", field(tar, at + 265, 32));
      e.put("content", new String(tar, at + 512, (int) size, StandardCharsets.UTF_8));
      entries.add(e);
      at += 512 + (int) ((size + 511) / 512 * 512);
    }
    return entries;
  }

  private static String field(byte[] b, int offset, int length) {
    int end = offset;
    while (end < offset + length && b[end] != 0) {
      end++;
    }
    return new String(b, offset, end - offset, StandardCharsets.UTF_8).trim();
  }
}
