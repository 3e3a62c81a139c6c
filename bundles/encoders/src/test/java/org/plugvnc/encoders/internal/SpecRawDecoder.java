package org.plugvnc.encoders.internal;

import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.SpecPixelWriter;

import org.plugvnc.api.pixel.PixelFormat;

/**
 * A Raw decoder written from RFC 6143 sections 7.4 and 7.7.1 alone, as a viewer would: it shares
 * no code with the encoder or {@link SpecPixelWriter}.
 */
final class SpecRawDecoder {

  private SpecRawDecoder() {}

  /**
   * Decodes a Raw payload of {@code width * height} pixels into 0x00RRGGBB colours. True-colour
   * fields are scaled back to 8 bits as {@code round(value * 255 / max)}; colour-map indexes are
   * looked up in {@code colourMap}.
   *
   * @throws IllegalArgumentException if the payload is not exactly the expected length
   */
  static int[] decode(byte[] payload, int width, int height, PixelFormat format, int[] colourMap) {
    int bytesPerPixel = format.bitsPerPixel() / 8;
    if (payload.length != width * height * bytesPerPixel) {
      throw new IllegalArgumentException("Raw payload has " + payload.length + " bytes, expected "
          + width * height * bytesPerPixel);
    }
    int[] rgb = new int[width * height];
    for (int i = 0; i < rgb.length; i++) {
      long value = 0;
      for (int b = 0; b < bytesPerPixel; b++) {
        int octet = payload[i * bytesPerPixel + b] & 0xFF;
        value |= format.bigEndian()
            ? (long) octet << (8 * (bytesPerPixel - 1 - b))
            : (long) octet << (8 * b);
      }
      rgb[i] = format.trueColour() ? toRgb(value, format) : colourMap[(int) value];
    }
    return rgb;
  }

  private static int toRgb(long value, PixelFormat f) {
    int r = expand((int) (value >>> f.redShift()) & f.redMax(), f.redMax());
    int g = expand((int) (value >>> f.greenShift()) & f.greenMax(), f.greenMax());
    int b = expand((int) (value >>> f.blueShift()) & f.blueMax(), f.blueMax());
    return r << 16 | g << 8 | b;
  }

  /** Scales a field value of {@code 0..max} to 8 bits, rounded to the nearest. */
  static int expand(int value, int max) {
    return (int) Math.round(value * 255.0 / max);
  }
}
