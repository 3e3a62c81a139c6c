package org.plugvnc.engine.internal.testsupport;

import org.plugvnc.api.pixel.PixelFormat;

/**
 * Turns wire pixels back into 0x00RRGGBB, written from RFC 6143 7.4 alone (not from the engine's
 * writers): a pixel is bitsPerPixel/8 bytes in the format's byte order; in true colour each
 * channel is {@code (value >> shift) & max}, scaled from 0..max to 0..255; in colour-map mode the
 * value indexes the map.
 */
public final class PixelDecoder {

  private PixelDecoder() {}

  /** The pixel value of the pixel at {@code off}. */
  public static int value(byte[] b, int off, PixelFormat f) {
    int n = f.bitsPerPixel() / 8;
    long v = 0;
    for (int i = 0; i < n; i++) {
      int byteVal = b[off + i] & 0xFF;
      int weight = f.bigEndian() ? n - 1 - i : i;
      v |= ((long) byteVal) << (8 * weight);
    }
    return (int) v;
  }

  /** The colour of pixel value {@code v}; {@code map} is used (and needed) only for colour map. */
  public static int colour(int v, PixelFormat f, int[] map) {
    if (!f.trueColour()) {
      if (v < 0 || v >= map.length) {
        throw new AssertionError("pixel value " + v + " outside a colour map of " + map.length);
      }
      return map[v];
    }
    int r = channel(v, f.redMax(), f.redShift());
    int g = channel(v, f.greenMax(), f.greenShift());
    int b = channel(v, f.blueMax(), f.blueShift());
    return r << 16 | g << 8 | b;
  }

  /** Decodes {@code count} pixels from {@code off} on. */
  public static int[] colours(byte[] b, int off, int count, PixelFormat f, int[] map) {
    int[] out = new int[count];
    int n = f.bitsPerPixel() / 8;
    for (int i = 0; i < count; i++) {
      out[i] = colour(value(b, off + i * n, f), f, map);
    }
    return out;
  }

  private static int channel(int v, int max, int shift) {
    long c = (v & 0xFFFFFFFFL) >>> shift & max;
    return (int) Math.round(c * 255.0 / max);
  }

  /** The largest error per channel a format with this maximum may introduce. */
  public static int tolerance(int max) {
    return 255 / (2 * max) + 1;
  }

  /** Whether {@code decoded} is within the given tolerances of {@code src}, channel by channel. */
  public static boolean near(int src, int decoded, int tolR, int tolG, int tolB) {
    return Math.abs(((src >> 16) & 0xFF) - ((decoded >> 16) & 0xFF)) <= tolR
        && Math.abs(((src >> 8) & 0xFF) - ((decoded >> 8) & 0xFF)) <= tolG
        && Math.abs((src & 0xFF) - (decoded & 0xFF)) <= tolB;
  }
}
