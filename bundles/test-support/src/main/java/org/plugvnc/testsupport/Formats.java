package org.plugvnc.testsupport;

import java.util.List;
import org.plugvnc.api.pixel.PixelFormat;

/** The viewer pixel formats the encoder tests run against. */
public final class Formats {

  private Formats() {}

  public static final PixelFormat RGB888_LE = new PixelFormat(32, 24, false, true, 255, 255, 255, 16, 8, 0);
  public static final PixelFormat RGB888_BE = new PixelFormat(32, 24, true, true, 255, 255, 255, 16, 8, 0);
  public static final PixelFormat BGR888_BE = new PixelFormat(32, 24, true, true, 255, 255, 255, 0, 8, 16);
  public static final PixelFormat RGB565_LE = new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0);
  public static final PixelFormat RGB565_BE = new PixelFormat(16, 16, true, true, 31, 63, 31, 11, 5, 0);
  public static final PixelFormat BGR233 = new PixelFormat(8, 8, false, true, 7, 7, 3, 0, 3, 6);
  public static final PixelFormat COLOUR_MAP_8 = new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0);

  /** The colour map the colour-map tests pretend to have sent with SetColourMapEntries. */
  public static final int[] COLOUR_MAP = {
    0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0x804020, 0x808080, 0xFFFF00,
    0x00FFFF, 0xFF00FF, 0x400000, 0x004000, 0x000040, 0xC0C0C0, 0x202020, 0x123456,
  };

  /** Every class of pixel format the engine serves: 8, 16 and 32 bpp, both byte orders, map. */
  public static final List<PixelFormat> ALL = List.of(
      RGB888_LE, RGB888_BE, BGR888_BE, RGB565_LE, RGB565_BE, BGR233, COLOUR_MAP_8);

  /** A writer for {@code format} written from the spec, with {@link #COLOUR_MAP} for a map format. */
  public static SpecPixelWriter writer(PixelFormat format) {
    return format.trueColour() ? new SpecPixelWriter(format) : new SpecPixelWriter(format, COLOUR_MAP);
  }

  /**
   * What a viewer in {@code format} can see of {@code rgb}: the colour decoded back from the pixel
   * value {@link #writer} makes (true-colour fields scaled back to 8 bits, rounded to the nearest).
   */
  public static int seen(PixelFormat format, int rgb) {
    int v = writer(format).pixelValue(rgb);
    if (!format.trueColour()) {
      return COLOUR_MAP[v];
    }
    int r = expand((v >>> format.redShift()) & format.redMax(), format.redMax());
    int g = expand((v >>> format.greenShift()) & format.greenMax(), format.greenMax());
    int b = expand((v >>> format.blueShift()) & format.blueMax(), format.blueMax());
    return r << 16 | g << 8 | b;
  }

  private static int expand(int value, int max) {
    return (int) Math.round(value * 255.0 / max);
  }
}
