package io.chartascode.generator.publish;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A deflate (RFC 1951) encoder whose output is a function of its input alone, by construction: one
 * block with the fixed Huffman codes of section 3.2.6, and a greedy LZ77 search with fixed
 * parameters (a 3-byte hash, the 32 KiB window, at most 128 candidates per position, the longest
 * match and, among equals, the nearest). Nothing depends on the JDK, the platform or a zlib.
 *
 * <p>On chart text it compresses to about 15% (envapp's tar: 40 KiB to 6 KiB; helm's zlib at its
 * default level: 5 KiB). On incompressible input fixed codes cost up to 12.5% more than stored
 * blocks; {@link DeterministicGzip} then stores instead.
 */
final class FixedHuffmanDeflate {
  private static final int WINDOW = 32 * 1024;
  private static final int MIN_MATCH = 3;
  private static final int MAX_MATCH = 258;
  private static final int MAX_CHAIN = 128;
  private static final int HASH_BITS = 15;

  private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
      67, 83, 99, 115, 131, 163, 195, 227, 258};
  private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
      5, 5, 5, 5, 0};
  private static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513,
      769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
  private static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
      11, 11, 12, 12, 13, 13};

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private int bitBuffer;
  private int bitCount;

  private FixedHuffmanDeflate() {}

  static byte[] deflate(byte[] data) {
    FixedHuffmanDeflate d = new FixedHuffmanDeflate();
    d.bits(1, 1); // BFINAL
    d.bits(1, 2); // BTYPE=01, fixed Huffman
    int[] head = new int[1 << HASH_BITS];
    int[] prev = new int[WINDOW];
    Arrays.fill(head, -1);
    int i = 0;
    while (i < data.length) {
      int bestLength = 0;
      int bestDistance = 0;
      if (i + MIN_MATCH <= data.length) {
        int h = hash(data, i);
        int candidate = head[h];
        int chain = MAX_CHAIN;
        int limit = Math.min(MAX_MATCH, data.length - i);
        while (candidate >= 0 && i - candidate <= WINDOW && chain-- > 0) {
          int length = 0;
          while (length < limit && data[candidate + length] == data[i + length]) {
            length++;
          }
          if (length > bestLength) {
            bestLength = length;
            bestDistance = i - candidate;
            if (length == limit) {
              break;
            }
          }
          candidate = prev[candidate % WINDOW];
        }
      }
      int advance = bestLength >= MIN_MATCH ? bestLength : 1;
      if (bestLength >= MIN_MATCH) {
        d.match(bestLength, bestDistance);
      } else {
        d.symbol(data[i] & 0xff);
      }
      for (int k = 0; k < advance; k++, i++) {
        if (i + MIN_MATCH <= data.length) {
          int h = hash(data, i);
          prev[i % WINDOW] = head[h];
          head[h] = i;
        }
      }
    }
    d.symbol(256); // end of block
    if (d.bitCount > 0) {
      d.out.write(d.bitBuffer);
    }
    return d.out.toByteArray();
  }

  private static int hash(byte[] data, int i) {
    int v = ((data[i] & 0xff) << 16) | ((data[i + 1] & 0xff) << 8) | (data[i + 2] & 0xff);
    return (v * 0x9E3779B1) >>> (32 - HASH_BITS);
  }

  private void match(int length, int distance) {
    int l = 28;
    while (LENGTH_BASE[l] > length) {
      l--;
    }
    symbol(257 + l);
    bits(length - LENGTH_BASE[l], LENGTH_EXTRA[l]);
    int dc = 29;
    while (DIST_BASE[dc] > distance) {
      dc--;
    }
    huffman(dc, 5);
    bits(distance - DIST_BASE[dc], DIST_EXTRA[dc]);
  }

  /** A literal/length symbol with its fixed code (RFC 1951, 3.2.6). */
  private void symbol(int s) {
    if (s < 144) {
      huffman(0x30 + s, 8);
    } else if (s < 256) {
      huffman(0x190 + s - 144, 9);
    } else if (s < 280) {
      huffman(s - 256, 7);
    } else {
      huffman(0xC0 + s - 280, 8);
    }
  }

  /** Huffman codes go out most significant bit first. */
  private void huffman(int code, int length) {
    bits(Integer.reverse(code) >>> (32 - length), length);
  }

  /** Other fields go out least significant bit first. */
  private void bits(int value, int count) {
    bitBuffer |= value << bitCount;
    bitCount += count;
    while (bitCount >= 8) {
      out.write(bitBuffer & 0xff);
      bitBuffer >>>= 8;
      bitCount -= 8;
    }
  }
}
