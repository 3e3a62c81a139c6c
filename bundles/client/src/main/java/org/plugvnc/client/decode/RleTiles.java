package org.plugvnc.client.decode;

import java.io.IOException;
import java.util.Arrays;
import org.plugvnc.client.RfbProtocolException;

/**
 * The tile subencodings ZRLE and TRLE share (RFC 6143 7.7.5 and 7.7.6): 0 raw CPIXELs, 1 solid,
 * 2..16 packed palette ("For paletteSize 2, a 1-bit field is used, for paletteSize 3 or 4 a 2-bit
 * field is used and for paletteSize from 5 to 16 a 4-bit field is used. The bit fields are packed
 * into bytes, the most significant bits representing the leftmost pixel [...] padding bits are
 * used to align each row"), 128 plain RLE, 130..255 palette RLE ("A run of length one is
 * represented simply by a palette index [...] A run of length more than one is represented by a
 * palette index with the top bit set, followed by the length of the run": one more than the sum
 * of the length bytes, every byte but the last 255). Runs may continue from one row to the next.
 *
 * <p>TRLE adds "The special subencoding values 129 and 127 indicate that the palette is to be
 * reused from the last tile that had a palette, with and without RLE, respectively": 127 packs
 * with the reused palette's field width, so it needs a reused palette of 2..16 entries. Only
 * tiles that send a palette (2..16, 130..255) "have" one, not solid tiles, and reuse does not
 * reach across rectangles. ZRLE's 17..127 and 129 are unused, TRLE's 17..126.
 *
 * <p>Refused: unused subencodings, palette indices at or past the palette size, runs longer than
 * what is left of the tile, reuse with no palette. Not thread-safe; one per decoder.
 */
final class RleTiles {

  private final String encoding;
  private final boolean paletteReuse;
  private final int[] palette = new int[127];
  private final byte[] bytes;
  private int paletteSize;

  /**
   * @param encoding "ZRLE" or "TRLE", for messages
   * @param tileSide 64 or 16
   * @param paletteReuse whether 127 and 129 reuse the palette (TRLE)
   */
  RleTiles(String encoding, int tileSide, boolean paletteReuse) {
    this.encoding = encoding;
    this.paletteReuse = paletteReuse;
    this.bytes = new byte[tileSide * tileSide * 4];
  }

  /** Forgets the palette: a new rectangle starts. */
  void startRectangle() {
    paletteSize = 0;
  }

  /** Decodes one tile at (x, y) of the framebuffer, {@code w} x {@code h}, checked inside. */
  void tile(TileSource src, CompressedPixels cp, Framebuffer fb, int x, int y, int w, int h)
      throws IOException {
    int sub = src.u8();
    if (sub == 0) {
      raw(src, cp, fb, x, y, w, h);
    } else if (sub == 1) {
      src.read(bytes, 0, cp.bytes());
      fb.fill(x, y, w, h, cp.rgb(bytes, 0));
    } else if (sub <= 16) {
      readPalette(src, cp, sub);
      packed(src, fb, x, y, w, h);
    } else if (sub == 127 && paletteReuse) {
      reusePalette(sub, x, y);
      if (paletteSize > 16) {
        throw new RfbProtocolException(encoding + " tile at " + x + "," + y + " packs pixels"
            + " with a reused palette of " + paletteSize + " colours; packing takes 2 to 16");
      }
      packed(src, fb, x, y, w, h);
    } else if (sub == 128) {
      plainRle(src, cp, fb, x, y, w, h);
    } else if (sub == 129 && paletteReuse) {
      reusePalette(sub, x, y);
      paletteRle(src, fb, x, y, w, h);
    } else if (sub >= 130) {
      readPalette(src, cp, sub - 128);
      paletteRle(src, fb, x, y, w, h);
    } else {
      throw new RfbProtocolException("unused " + encoding + " subencoding " + sub
          + " in the tile at " + x + "," + y);
    }
  }

  private void raw(TileSource src, CompressedPixels cp, Framebuffer fb, int x, int y, int w,
      int h) throws IOException {
    int cpb = cp.bytes();
    src.read(bytes, 0, w * h * cpb);
    int[] dst = fb.buffer();
    for (int row = 0; row < h; row++) {
      int d = (y + row) * fb.width() + x;
      int s = row * w * cpb;
      for (int col = 0; col < w; col++) {
        dst[d + col] = cp.rgb(bytes, s + col * cpb);
      }
    }
  }

  private void readPalette(TileSource src, CompressedPixels cp, int size) throws IOException {
    int cpb = cp.bytes();
    src.read(bytes, 0, size * cpb);
    for (int i = 0; i < size; i++) {
      palette[i] = cp.rgb(bytes, i * cpb);
    }
    paletteSize = size;
  }

  private void reusePalette(int sub, int x, int y) throws RfbProtocolException {
    if (paletteSize == 0) {
      throw new RfbProtocolException(encoding + " subencoding " + sub + " in the tile at " + x
          + "," + y + " reuses a palette, but no earlier tile of the rectangle sent one");
    }
  }

  private void packed(TileSource src, Framebuffer fb, int x, int y, int w, int h)
      throws IOException {
    int bits = paletteSize == 2 ? 1 : paletteSize <= 4 ? 2 : 4;
    int rowBytes = (w * bits + 7) / 8;
    src.read(bytes, 0, rowBytes * h);
    int mask = (1 << bits) - 1;
    int[] dst = fb.buffer();
    for (int row = 0; row < h; row++) {
      int d = (y + row) * fb.width() + x;
      int s = row * rowBytes;
      for (int col = 0; col < w; col++) {
        int bit = col * bits;
        int index = (bytes[s + (bit >>> 3)] >>> (8 - bits - (bit & 7))) & mask;
        dst[d + col] = colour(index, x, y);
      }
    }
  }

  private void plainRle(TileSource src, CompressedPixels cp, Framebuffer fb, int x, int y, int w,
      int h) throws IOException {
    int total = w * h;
    int done = 0;
    while (done < total) {
      src.read(bytes, 0, cp.bytes());
      int rgb = cp.rgb(bytes, 0);
      int run = runLength(src, total - done, x, y);
      fillRun(fb, x, y, w, done, run, rgb);
      done += run;
    }
  }

  private void paletteRle(TileSource src, Framebuffer fb, int x, int y, int w, int h)
      throws IOException {
    int total = w * h;
    int done = 0;
    while (done < total) {
      int b = src.u8();
      int rgb = colour(b & 0x7F, x, y);
      int run = (b & 0x80) == 0 ? 1 : runLength(src, total - done, x, y);
      fillRun(fb, x, y, w, done, run, rgb);
      done += run;
    }
  }

  /** Reads a run length, refusing one longer than the {@code left} pixels of the tile. */
  private int runLength(TileSource src, int left, int x, int y) throws IOException {
    int run = 1;
    int b;
    do {
      b = src.u8();
      run += b;
      if (run > left) {
        throw new RfbProtocolException(encoding + " run of at least " + run + " pixels"
            + " overflows the " + left + " pixels left in the tile at " + x + "," + y);
      }
    } while (b == 255);
    return run;
  }

  private int colour(int index, int x, int y) throws RfbProtocolException {
    if (index >= paletteSize) {
      throw new RfbProtocolException(encoding + " palette index " + index + " in the tile at "
          + x + "," + y + " is past its " + paletteSize + "-colour palette");
    }
    return palette[index];
  }

  /** Paints {@code run} pixels from tile position {@code start}, wrapping at the tile's rows. */
  private static void fillRun(Framebuffer fb, int x, int y, int w, int start, int run, int rgb) {
    int[] dst = fb.buffer();
    int p = start;
    int left = run;
    while (left > 0) {
      int col = p % w;
      int n = Math.min(left, w - col);
      int d = (y + p / w) * fb.width() + x + col;
      Arrays.fill(dst, d, d + n, rgb);
      p += n;
      left -= n;
    }
  }
}
