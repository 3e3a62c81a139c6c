package org.plugvnc.encoders.internal;

import org.plugvnc.api.pixel.PixelFormat;

/**
 * A Hextile decoder written from RFC 6143 section 7.7.4 and rfbproto's "Hextile Encoding" alone.
 *
 * <p>Tiles of 16 x 16 in left-to-right, top-to-bottom order, the last column and row smaller. Each
 * starts with a subencoding mask: Raw (1) means width * height pixel values follow; otherwise
 * BackgroundSpecified (2), ForegroundSpecified (4), AnySubrects (8, then a U8 count) and
 * SubrectsColoured (16, a pixel value before each subrectangle) say what follows, and each
 * subrectangle is x-and-y-position, width-and-height in nibbles (sizes minus one).
 *
 * <p>Strict where the spec is: mask bits above 16 are refused, "The first non-raw tile in a
 * rectangle must have [BackgroundSpecified] set", ForegroundSpecified with SubrectsColoured is
 * refused ("If this bit is set then the SubrectsColoured bit must be zero"), subrectangles lie
 * inside their tile, and nothing follows the last tile. Where "the same as the last tile" can be
 * read more than one way (after a Raw tile, which specifies neither colour; the foreground after a
 * tile whose subrectangles carried their own colours) the value counts as undefined and using it
 * fails, so an encoder that passes works with every reading.
 */
final class SpecHextileDecoder {

  /** The decoded colours, row by row, and the bytes each tile took, in tile order. */
  record Decoded(int[] rgb, int[] tileBytes) {}

  private final byte[] payload;
  private final PixelFormat format;
  private final int[] colourMap;
  private final int pixelBytes;
  private int at;
  private Long background;
  private Long foreground;

  private SpecHextileDecoder(byte[] payload, PixelFormat format, int[] colourMap) {
    this.payload = payload;
    this.format = format;
    this.colourMap = colourMap;
    this.pixelBytes = SpecPixels.size(format);
  }

  /** Decodes a Hextile payload for a {@code width x height} rectangle. */
  static Decoded decode(byte[] payload, int width, int height, PixelFormat format,
      int[] colourMap) {
    return new SpecHextileDecoder(payload, format, colourMap).rectangle(width, height);
  }

  private Decoded rectangle(int width, int height) {
    int[] rgb = new int[width * height];
    int tilesAcross = (width + 15) / 16;
    int[] tileBytes = new int[tilesAcross * ((height + 15) / 16)];
    int tile = 0;
    for (int ty = 0; ty < height; ty += 16) {
      for (int tx = 0; tx < width; tx += 16) {
        int start = at;
        tile(rgb, width, tx, ty, Math.min(16, width - tx), Math.min(16, height - ty));
        tileBytes[tile++] = at - start;
      }
    }
    if (at != payload.length) {
      throw new IllegalArgumentException(payload.length - at + " bytes after the last tile");
    }
    return new Decoded(rgb, tileBytes);
  }

  private void tile(int[] rgb, int stride, int tx, int ty, int tw, int th) {
    int mask = u8();
    if (mask > 31) {
      throw new IllegalArgumentException("subencoding mask " + mask);
    }
    if ((mask & 1) != 0) {
      for (int y = 0; y < th; y++) {
        for (int x = 0; x < tw; x++) {
          rgb[(ty + y) * stride + tx + x] = colour(pixel());
        }
      }
      background = null;
      foreground = null;
      return;
    }
    if ((mask & 2) != 0) {
      background = pixel();
    }
    if ((mask & 4) != 0) {
      if ((mask & 16) != 0) {
        throw new IllegalArgumentException("ForegroundSpecified with SubrectsColoured");
      }
      foreground = pixel();
    }
    SpecPixels.fill(rgb, stride, tx, ty, tw, th, colour(defined(background, "background")));
    if ((mask & 8) != 0) {
      subrects(rgb, stride, tx, ty, tw, th, (mask & 16) != 0);
    }
  }

  private void subrects(int[] rgb, int stride, int tx, int ty, int tw, int th, boolean coloured) {
    int count = u8();
    for (int i = 0; i < count; i++) {
      long value = coloured ? pixel() : defined(foreground, "foreground");
      int xy = u8();
      int wh = u8();
      int x = xy >> 4;
      int y = xy & 15;
      int w = (wh >> 4) + 1;
      int h = (wh & 15) + 1;
      if (x + w > tw || y + h > th) {
        throw new IllegalArgumentException("subrectangle " + x + "," + y + " " + w + "x" + h
            + " outside a " + tw + "x" + th + " tile");
      }
      SpecPixels.fill(rgb, stride, tx + x, ty + y, w, h, colour(value));
    }
    if (coloured) {
      foreground = null;
    }
  }

  private static long defined(Long value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " used but not defined");
    }
    return value;
  }

  private int u8() {
    if (at >= payload.length) {
      throw new IllegalArgumentException("payload ends at " + at);
    }
    return payload[at++] & 0xFF;
  }

  private long pixel() {
    long value = SpecPixels.value(payload, at, format);
    at += pixelBytes;
    return value;
  }

  private int colour(long value) {
    return SpecPixels.colour(value, format, colourMap);
  }
}
