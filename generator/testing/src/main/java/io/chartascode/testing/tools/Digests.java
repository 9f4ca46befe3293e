package io.chartascode.testing.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** The two digests the pins use: npm's sha512 integrity for tarballs, and hex sha256 for binaries. */
final class Digests {

  static final String INTEGRITY_PREFIX = "sha512-";

  /** Large reads: hashing a 60 MB binary is then bound by the digest, not by system calls. */
  static final int BUFFER_SIZE = 1 << 16;

  private Digests() {}

  static MessageDigest sha256() {
    return digest("SHA-256");
  }

  static MessageDigest sha512() {
    return digest("SHA-512");
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide " + algorithm, e);
    }
  }

  /** The hex sha256 of a file's bytes. */
  static String sha256(Path file) throws IOException {
    MessageDigest sha256 = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      copy(in, OutputStream.nullOutputStream(), sha256);
    }
    return hex(sha256);
  }

  /** Copies {@code in} to {@code out}, feeding every byte to {@code digest} on the way, so data is read once. */
  static void copy(InputStream in, OutputStream out, MessageDigest digest) throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
      out.write(buffer, 0, n);
    }
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** npm's integrity format: {@code sha512-<base64>}. */
  static String integrity(MessageDigest sha512) {
    return INTEGRITY_PREFIX + Base64.getEncoder().encodeToString(sha512.digest());
  }
}
