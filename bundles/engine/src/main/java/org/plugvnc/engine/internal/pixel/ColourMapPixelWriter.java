package org.plugvnc.engine.internal.pixel;

import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.PixelFormat;

/**
 * Writes pixels in a colour-map format. The server picks the map: with a depth of 8 or more, 256
 * colours laid out as 3 bits red, 3 green, 2 blue (index = r3 &lt;&lt; 5 | g3 &lt;&lt; 2 | b2);
 * with a smaller depth d, 2^d grey levels. The engine sends {@link #colourMap()} with
 * SetColourMapEntries before the first update in this format.
 */
final class ColourMapPixelWriter implements PixelWriter {

  /**
   * The 3-3-2 map, the same for every such format: computed once, since a viewer may send
   * SetPixelFormat thousands of times a second (shared, never changed: {@link #colourMap()} copies).
   */
  private static final int[] RGB332 = rgb332Map();

  private final PixelFormat format;
  private final int[] map;
  private final boolean grey;
  private final PixelBytes bytes;

  ColourMapPixelWriter(PixelFormat format) {
    this.format = format;
    this.grey = format.depth() < 8;
    this.map = grey ? greyMap(1 << format.depth()) : RGB332;
    this.bytes = new PixelBytes(format);
  }

  private static int[] rgb332Map() {
    int[] m = new int[256];
    for (int i = 0; i < 256; i++) {
      int r = ((i >> 5) & 7) * 255 / 7;
      int g = ((i >> 2) & 7) * 255 / 7;
      int b = (i & 3) * 255 / 3;
      m[i] = r << 16 | g << 8 | b;
    }
    return m;
  }

  private static int[] greyMap(int levels) {
    int[] m = new int[levels];
    for (int i = 0; i < levels; i++) {
      int v = levels == 1 ? 0 : i * 255 / (levels - 1);
      m[i] = v << 16 | v << 8 | v;
    }
    return m;
  }

  /** The colours of the map, index 0 first, as 0x00RRGGBB. */
  int[] colourMap() {
    return map.clone();
  }

  @Override
  public PixelFormat format() {
    return format;
  }

  @Override
  public int pixelValue(int rgb) {
    int r = (rgb >> 16) & 0xFF;
    int g = (rgb >> 8) & 0xFF;
    int b = rgb & 0xFF;
    if (grey) {
      int luma = (r * 299 + g * 587 + b * 114) / 1000;
      return (luma * (map.length - 1) + 127) / 255;
    }
    return ((r * 7 + 127) / 255) << 5 | ((g * 7 + 127) / 255) << 2 | ((b * 3 + 127) / 255);
  }

  @Override
  public void writePixels(int[] rgb, int offset, int count, RfbOutput out) {
    bytes.write(this::pixelValue, rgb, offset, count, out);
  }

  @Override
  public void writePixelValue(int pixel, RfbOutput out) {
    bytes.writeOne(pixel, out);
  }
}
