package org.plugvnc.testsupport;

import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.PixelFormat;

/**
 * A test {@link PixelWriter} written from RFC 6143 section 7.4 alone.
 *
 * <p>True colour: each 8-bit component c becomes the field value {@code (c * max + 127) / 255}
 * (integer division, so rounded to the nearest level, halves up), and the pixel value is
 * {@code r << redShift | g << greenShift | b << blueShift}. Colour map: the pixel value is the
 * index of the nearest colour-map entry (squared RGB distance, lowest index on ties). The value is
 * written in bitsPerPixel / 8 bytes, most significant first when bigEndian.
 */
public final class SpecPixelWriter implements PixelWriter {

  private final PixelFormat format;
  private final int[] colourMap;

  public SpecPixelWriter(PixelFormat format) {
    this(format, null);
  }

  public SpecPixelWriter(PixelFormat format, int[] colourMap) {
    this.format = format;
    this.colourMap = colourMap;
  }

  @Override
  public PixelFormat format() {
    return format;
  }

  @Override
  public int pixelValue(int rgb) {
    if (!format.trueColour()) {
      return nearestEntry(rgb);
    }
    int r = reduce((rgb >> 16) & 0xFF, format.redMax());
    int g = reduce((rgb >> 8) & 0xFF, format.greenMax());
    int b = reduce(rgb & 0xFF, format.blueMax());
    return r << format.redShift() | g << format.greenShift() | b << format.blueShift();
  }

  private static int reduce(int component, int max) {
    return (component * max + 127) / 255;
  }

  private int nearestEntry(int rgb) {
    int best = 0;
    long bestDistance = Long.MAX_VALUE;
    for (int i = 0; i < colourMap.length; i++) {
      long dr = ((rgb >> 16) & 0xFF) - ((colourMap[i] >> 16) & 0xFF);
      long dg = ((rgb >> 8) & 0xFF) - ((colourMap[i] >> 8) & 0xFF);
      long db = (rgb & 0xFF) - (colourMap[i] & 0xFF);
      long distance = dr * dr + dg * dg + db * db;
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    return best;
  }

  @Override
  public void writePixels(int[] rgb, int offset, int count, RfbOutput out) {
    for (int i = 0; i < count; i++) {
      writePixelValue(pixelValue(rgb[offset + i]), out);
    }
  }

  @Override
  public void writePixelValue(int pixel, RfbOutput out) {
    int bytes = format.bitsPerPixel() / 8;
    for (int i = 0; i < bytes; i++) {
      int shift = format.bigEndian() ? 8 * (bytes - 1 - i) : 8 * i;
      out.writeU8(pixel >>> shift);
    }
  }
}
