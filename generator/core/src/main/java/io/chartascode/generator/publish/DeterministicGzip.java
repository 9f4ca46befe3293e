package io.chartascode.generator.publish;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;

/**
 * gzip (RFC 1952) whose bytes depend on the input alone: no timestamp, no file name, OS "unknown",
 * and a deflate stream made here, not by {@link java.util.zip.Deflater}.
 *
 * <p>Why not {@code Deflater}: its output is whatever the zlib the JDK links makes of it. Debian's
 * OpenJDK uses the system zlib, other builds a bundled one, and zlib-ng or hardware-accelerated
 * zlibs (Intel, IBM Z) compress the same input to different bytes at the same level. Nothing in the
 * JDK promises the same bytes on two machines or in two years, while a chart archive's sha256 is its
 * identity in an OCI registry. So the deflate stream is {@link FixedHuffmanDeflate}'s, a fixed
 * algorithm, or, where that would be larger (incompressible input), stored blocks (BTYPE 00, at
 * most 65535 bytes each). Either is plain deflate that every reader inflates.
 */
final class DeterministicGzip {
  private static final int MAX_STORED_BLOCK = 65_535;

  private DeterministicGzip() {}

  static byte[] compress(byte[] data) {
    byte[] compressed = FixedHuffmanDeflate.deflate(data);
    byte[] stored = stored(data);
    byte[] deflate = compressed.length <= stored.length ? compressed : stored;
    ByteArrayOutputStream out = new ByteArrayOutputStream(deflate.length + 18);
    // ID1 ID2, CM=8 (deflate), FLG=0, MTIME=0 (none), XFL=0, OS=255 (unknown)
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255});
    out.writeBytes(deflate);
    CRC32 crc = new CRC32();
    crc.update(data);
    writeIntLe(out, (int) crc.getValue());
    writeIntLe(out, data.length);
    return out.toByteArray();
  }

  /** Deflate's stored blocks: BFINAL and BTYPE=00 in one byte (padding to the boundary), LEN, NLEN, data. */
  static byte[] stored(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + (data.length / MAX_STORED_BLOCK + 1) * 5);
    int offset = 0;
    do {
      int length = Math.min(MAX_STORED_BLOCK, data.length - offset);
      boolean last = offset + length == data.length;
      out.write(last ? 1 : 0);
      out.write(length & 0xff);
      out.write(length >>> 8);
      out.write(~length & 0xff);
      out.write((~length >>> 8) & 0xff);
      out.write(data, offset, length);
      offset += length;
    } while (offset < data.length);
    return out.toByteArray();
  }

  private static void writeIntLe(ByteArrayOutputStream out, int value) {
    out.write(value);
    out.write(value >>> 8);
    out.write(value >>> 16);
    out.write(value >>> 24);
  }
}
