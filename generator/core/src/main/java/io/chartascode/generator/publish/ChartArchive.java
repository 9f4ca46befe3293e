package io.chartascode.generator.publish;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * A chart packaged as {@code helm package} lays it out ({@code <name>/Chart.yaml}, ...), with bytes
 * that depend on the chart's files alone: entries in path order, fixed metadata ({@link
 * TarWriter}) and gzip without a timestamp ({@link DeterministicGzip}). The same files give the same
 * archive, and so the same sha256 and OCI digest, on any machine and JDK.
 *
 * @param name the chart name
 * @param version the chart version
 * @param bytes the {@code .tgz}
 */
public record ChartArchive(String name, String version, byte[] bytes) {
  public ChartArchive {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    bytes = bytes.clone();
  }

  /**
   * Packages one chart.
   *
   * @param files the chart's files by path relative to the chart directory ({@code Chart.yaml},
   *     {@code templates/deployment.yaml}), as {@code HelmChartRenderer} renders them
   */
  public static ChartArchive of(String name, String version, SortedMap<String, String> files) {
    if (!files.containsKey("Chart.yaml")) {
      throw new IllegalArgumentException("chart " + name + " has no Chart.yaml");
    }
    TarWriter tar = new TarWriter();
    for (Map.Entry<String, String> file : files.entrySet()) {
      tar.add(name + "/" + file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
    }
    return new ChartArchive(name, version, DeterministicGzip.compress(tar.finish()));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@code <name>-<version>.tgz}, as {@code helm package} names it. */
  public String fileName() {
    return name + "-" + version + ".tgz";
  }

  /** {@code sha256:<hex>}, the archive's OCI digest. */
  public String digest() {
    return Digest.of(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChartArchive a && name.equals(a.name) && version.equals(a.version)
        && java.util.Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, version, java.util.Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return fileName() + " (" + bytes.length + " bytes, " + digest() + ")";
  }
}
