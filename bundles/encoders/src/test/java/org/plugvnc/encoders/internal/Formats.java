package org.plugvnc.encoders.internal;

import org.plugvnc.api.pixel.PixelFormat;

/** The viewer pixel formats the encoder tests run against. */
final class Formats {

  private Formats() {}

  static final PixelFormat RGB888_LE = new PixelFormat(32, 24, false, true, 255, 255, 255, 16, 8, 0);
  static final PixelFormat RGB888_BE = new PixelFormat(32, 24, true, true, 255, 255, 255, 16, 8, 0);
  static final PixelFormat BGR888_BE = new PixelFormat(32, 24, true, true, 255, 255, 255, 0, 8, 16);
  static final PixelFormat RGB565_LE = new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0);
  static final PixelFormat RGB565_BE = new PixelFormat(16, 16, true, true, 31, 63, 31, 11, 5, 0);
  static final PixelFormat BGR233 = new PixelFormat(8, 8, false, true, 7, 7, 3, 0, 3, 6);
  static final PixelFormat COLOUR_MAP_8 = new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0);

  /** The colour map the colour-map tests pretend to have sent with SetColourMapEntries. */
  static final int[] COLOUR_MAP = {
    0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0x804020, 0x808080, 0xFFFF00,
    0x00FFFF, 0xFF00FF, 0x400000, 0x004000, 0x000040, 0xC0C0C0, 0x202020, 0x123456,
  };
}
