package io.chartascode.generator.publish;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;

/**
 * gzip (RFC 1952) whose bytes depend on the input alone: no timestamp, no file name, OS "unknown",
 * and a deflate stream (RFC 1951) of <em>stored</em> blocks, written here byte by byte.
 *
 * <p>Why not {@link java.util.zip.Deflater}: its output is whatever the zlib the JDK links makes of
 * it. Debian's OpenJDK uses the system zlib, other builds a bundled one, and zlib-ng or
 * hardware-accelerated zlibs (Intel, IBM Z) compress the same input to different bytes at the same
 * level. Nothing in the JDK promises the same bytes from two machines or two years, while a chart
 * archive's sha256 is its identity in an OCI registry. Stored blocks are deflate by construction:
 * every reader inflates them, and the only choices (block size 65535, one final block) are fixed
 * here. The price is size: the archive is as large as the tar (for envapp about 40 KiB instead of
 * 8 KiB), which a registry and {@code helm pull} do not notice.
 */
final class StoredGzip {
  private static final int MAX_BLOCK = 65_535;

  private StoredGzip() {}

  static byte[] compress(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / MAX_BLOCK * 5 + 32);
    // ID1 ID2, CM=8 (deflate), FLG=0, MTIME=0 (none), XFL=0, OS=255 (unknown)
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255});
    int offset = 0;
    do {
      int length = Math.min(MAX_BLOCK, data.length - offset);
      boolean last = offset + length == data.length;
      out.write(last ? 1 : 0); // BFINAL, BTYPE=00 (stored), then padding to the byte boundary
      out.write(length & 0xff);
      out.write(length >>> 8);
      out.write(~length & 0xff);
      out.write((~length >>> 8) & 0xff);
      out.write(data, offset, length);
      offset += length;
    } while (offset < data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    writeIntLe(out, (int) crc.getValue());
    writeIntLe(out, data.length);
    return out.toByteArray();
  }

  private static void writeIntLe(ByteArrayOutputStream out, int value) {
    out.write(value);
    out.write(value >>> 8);
    out.write(value >>> 16);
    out.write(value >>> 24);
  }
}
