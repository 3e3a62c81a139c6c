package org.plugvnc.engine.internal.pixel;

import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.PixelFormat;

/**
 * Writes pixels in a true-colour format: each 8-bit channel is scaled to the format's maximum
 * (rounded to nearest) and shifted into place, through per-channel tables made once per format.
 */
final class TrueColourPixelWriter implements PixelWriter {

  private final PixelFormat format;
  private final int[] red = new int[256];
  private final int[] green = new int[256];
  private final int[] blue = new int[256];
  private final PixelBytes bytes;

  TrueColourPixelWriter(PixelFormat format) {
    this.format = format;
    for (int v = 0; v < 256; v++) {
      red[v] = scale(v, format.redMax()) << format.redShift();
      green[v] = scale(v, format.greenMax()) << format.greenShift();
      blue[v] = scale(v, format.blueMax()) << format.blueShift();
    }
    this.bytes = new PixelBytes(format);
  }

  private static int scale(int v, int max) {
    return (int) ((v * (long) max + 127) / 255);
  }

  @Override
  public PixelFormat format() {
    return format;
  }

  @Override
  public int pixelValue(int rgb) {
    return red[(rgb >> 16) & 0xFF] | green[(rgb >> 8) & 0xFF] | blue[rgb & 0xFF];
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
