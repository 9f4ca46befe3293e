package io.chartascode.generator.publish;

import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A fixed chart for the archive tests, and a {@code main} that prints its archive's digest so a
 * test can package it in another JVM (another JDK, another zlib) and compare.
 */
final class ArchiveFixture {
  private ArchiveFixture() {}

  /** Small files, a script, a deep path, non-ASCII text, and one file larger than a stored block (64 KiB). */
  static SortedMap<String, String> files() {
    SortedMap<String, String> files = new TreeMap<>();
    files.put("Chart.yaml", "apiVersion: v2\nname: shop\nversion: \"1.0.0\"\n");
    files.put("values.yaml", "greeting: grüße, 世界\n");
    files.put("templates/NOTES.txt", "Thanks.\n");
    files.put("templates/a/rather/deep/directory/structure/to/exercise/the/ustar/prefix/field/of/the/header/which/holds/long/names/config.yaml", "x: 1\n");
    files.put("files/run.sh", "#!/bin/sh\necho hi\n");
    StringBuilder big = new StringBuilder();
    Random random = new Random(42);
    while (big.length() < 150_000) {
      big.append("line ").append(random.nextInt()).append('\n');
    }
    files.put("files/big.txt", big.toString());
    return files;
  }

  static ChartArchive archive() {
    return ChartArchive.of("shop", "1.0.0", files());
  }

  public static void main(String[] args) {
    System.out.println(archive().digest());
  }
}
