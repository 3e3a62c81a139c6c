package org.plugvnc.encoders.zlib.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.plugvnc.api.pixel.PixelFormat;

/**
 * Decodes the tiles of one ZRLE or TRLE rectangle as a viewer does, written from RFC 6143 7.7.5
 * (TRLE) and 7.7.6 (ZRLE) alone: tiles of {@code tileSize} in left-to-right, top-to-bottom order,
 * smaller at the right and bottom edges, each a subencoding byte then:
 * 0 raw CPIXELs; 1 one CPIXEL; 2-16 a palette and packed indexes (1 bit for 2 colours, 2 bits for 3
 * or 4, 4 bits for 5-16, leftmost pixel in the most significant bits, rows padded to bytes); 128
 * runs of a CPIXEL and a length; 130-255 a palette of (subencoding - 128) and runs of an index (a
 * single pixel) or index + 128 and a length. A length is the sum of its bytes plus one, every byte
 * but the last being 255. Runs may continue onto the next row but never past the tile.
 *
 * <p>TRLE alone has 127 (packed) and 129 (palette RLE) with "the palette ... reused from the last
 * tile that had a palette". This decoder accepts them only right after a tile that sent or reused
 * a palette, and 127 only for a palette of up to 16 colours: where viewers read the spec
 * differently (after a solid, raw or plain RLE tile), an encoder must not go.
 */
final class SpecTileDecoder {

  private final int tileSize;
  private final boolean trle;
  private final List<Integer> subencodings = new ArrayList<>();

  SpecTileDecoder(int tileSize, boolean trle) {
    this.tileSize = tileSize;
    this.trle = trle;
  }

  /** The subencodings of the tiles of the last rectangle decoded, in order. */
  List<Integer> subencodings() {
    return subencodings;
  }

  /** Decodes a {@code width} x {@code height} rectangle into its colours, row by row. */
  int[] decode(WireReader in, int width, int height, PixelFormat format) {
    SpecPixels pixels = new SpecPixels(format);
    int[] image = new int[width * height];
    subencodings.clear();
    int[] palette = null;
    boolean paletteJustUsed = false;
    for (int ty = 0; ty < height; ty += tileSize) {
      for (int tx = 0; tx < width; tx += tileSize) {
        int tw = Math.min(tileSize, width - tx);
        int th = Math.min(tileSize, height - ty);
        int type = in.u8();
        subencodings.add(type);
        int[] tile = new int[tw * th];
        boolean reuse = type == 127 || type == 129;
        if (reuse && !(trle && paletteJustUsed)) {
          throw new AssertionError("subencoding " + type + " after a tile without a palette");
        }
        if (type >= 2 && type <= 16 || type >= 130) {
          palette = readPalette(in, pixels, type & 0x7F);
        }
        if (type == 0) {
          for (int i = 0; i < tile.length; i++) {
            tile[i] = pixels.cpixel(in);
          }
        } else if (type == 1) {
          Arrays.fill(tile, pixels.cpixel(in));
        } else if (type <= 16 || type == 127) {
          if (palette.length > 16) {
            throw new AssertionError("packed indexes into a palette of " + palette.length);
          }
          packed(in, palette, tw, th, tile);
        } else if (type == 128) {
          plainRle(in, pixels, tile);
        } else if (type >= 129) {
          paletteRle(in, palette, tile);
        } else {
          throw new AssertionError("unused subencoding " + type);
        }
        paletteJustUsed = type >= 2 && type <= 16 || type == 127 || type >= 129;
        for (int y = 0; y < th; y++) {
          System.arraycopy(tile, y * tw, image, (ty + y) * width + tx, tw);
        }
      }
    }
    return image;
  }

  private static int[] readPalette(WireReader in, SpecPixels pixels, int size) {
    int[] palette = new int[size];
    for (int i = 0; i < size; i++) {
      palette[i] = pixels.cpixel(in);
    }
    return palette;
  }

  private static void packed(WireReader in, int[] palette, int tw, int th, int[] tile) {
    int bits = palette.length <= 2 ? 1 : palette.length <= 4 ? 2 : 4;
    for (int y = 0; y < th; y++) {
      int current = 0;
      int left = 0;
      for (int x = 0; x < tw; x++) {
        if (left == 0) {
          current = in.u8();
          left = 8;
        }
        left -= bits;
        tile[y * tw + x] = entry(palette, current >> left & ((1 << bits) - 1));
      }
    }
  }

  private static void plainRle(WireReader in, SpecPixels pixels, int[] tile) {
    int i = 0;
    while (i < tile.length) {
      int colour = pixels.cpixel(in);
      i = run(tile, i, length(in), colour);
    }
  }

  private static void paletteRle(WireReader in, int[] palette, int[] tile) {
    int i = 0;
    while (i < tile.length) {
      int b = in.u8();
      int colour = entry(palette, b & 0x7F);
      i = run(tile, i, b < 128 ? 1 : length(in), colour);
    }
  }

  private static int length(WireReader in) {
    int length = 1;
    int b;
    do {
      b = in.u8();
      length += b;
    } while (b == 255);
    return length;
  }

  private static int run(int[] tile, int start, int length, int colour) {
    if (start + length > tile.length) {
      throw new AssertionError("run of " + length + " passes the tile's end");
    }
    Arrays.fill(tile, start, start + length, colour);
    return start + length;
  }

  private static int entry(int[] palette, int index) {
    if (index >= palette.length) {
      throw new AssertionError("index " + index + " outside a palette of " + palette.length);
    }
    return palette[index];
  }
}
