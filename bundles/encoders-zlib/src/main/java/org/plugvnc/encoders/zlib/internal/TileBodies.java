package org.plugvnc.encoders.zlib.internal;

import org.plugvnc.api.encoding.PixelWriter;

/**
 * Writes the bytes after a tile's subencoding byte for each ZRLE / TRLE subencoding (RFC 6143
 * 7.7.5, 7.7.6), into an array with room enough ({@link TileCoder#maxTileBytes}). Every method
 * returns the position after what it wrote. Pixel values come from the session's
 * {@link PixelWriter}, asked once per run of equal colours rather than once per pixel.
 */
final class TileBodies {

  private TileBodies() {}

  /** Raw: every pixel as a CPIXEL, row by row. */
  static int raw(int[] px, int offset, int stride, int w, int h, PixelWriter writer,
      PixelBytes bytes, byte[] b, int pos) {
    int lastColour = px[offset];
    int lastValue = writer.pixelValue(lastColour);
    for (int y = 0; y < h; y++) {
      int row = offset + y * stride;
      for (int x = 0; x < w; x++) {
        int c = px[row + x];
        if (c != lastColour) {
          lastColour = c;
          lastValue = writer.pixelValue(c);
        }
        pos = bytes.put(lastValue, b, pos);
      }
    }
    return pos;
  }

  /** Plain RLE: runs of equal colours in raster order, each a CPIXEL and a run length. */
  static int plainRle(int[] px, int offset, int stride, int w, int h, PixelWriter writer,
      PixelBytes bytes, byte[] b, int pos) {
    int runColour = px[offset];
    int length = 0;
    for (int y = 0; y < h; y++) {
      int row = offset + y * stride;
      for (int x = 0; x < w; x++) {
        int c = px[row + x];
        if (c == runColour) {
          length++;
        } else {
          pos = runLength(length, b, bytes.put(writer.pixelValue(runColour), b, pos));
          runColour = c;
          length = 1;
        }
      }
    }
    return runLength(length, b, bytes.put(writer.pixelValue(runColour), b, pos));
  }

  /**
   * Palette RLE: runs of equal indexes among the tile's {@code n} {@code indices}, each index
   * written as {@code map[index]}: a single pixel as the index, a longer run as index + 128 and
   * its length.
   */
  static int paletteRle(byte[] indices, byte[] map, int n, byte[] b, int pos) {
    int k = 0;
    while (k < n) {
      byte index = indices[k];
      int end = k + 1;
      while (end < n && indices[end] == index) {
        end++;
      }
      int value = map[index];
      if (end - k == 1) {
        b[pos++] = (byte) value;
      } else {
        b[pos++] = (byte) (value | 0x80);
        pos = runLength(end - k, b, pos);
      }
      k = end;
    }
    return pos;
  }

  /**
   * Packed palette: {@code bits}-bit fields of {@code map[index]}, the leftmost pixel in the most
   * significant bits, each row padded to a whole byte.
   */
  static int packed(byte[] indices, byte[] map, int bits, int w, int h, byte[] b, int pos) {
    int k = 0;
    for (int y = 0; y < h; y++) {
      int acc = 0;
      int filled = 0;
      for (int x = 0; x < w; x++) {
        acc = acc << bits | map[indices[k++]];
        filled += bits;
        if (filled == 8) {
          b[pos++] = (byte) acc;
          acc = 0;
          filled = 0;
        }
      }
      if (filled > 0) {
        b[pos++] = (byte) (acc << (8 - filled));
      }
    }
    return pos;
  }

  /** A run length: (length - 1) / 255 bytes of 255, then (length - 1) % 255. */
  static int runLength(int length, byte[] b, int pos) {
    int rest = length - 1;
    while (rest >= 255) {
      b[pos++] = (byte) 255;
      rest -= 255;
    }
    b[pos++] = (byte) rest;
    return pos;
  }
}
