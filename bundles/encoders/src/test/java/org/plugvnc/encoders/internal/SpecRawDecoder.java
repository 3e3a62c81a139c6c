package org.plugvnc.encoders.internal;

import org.plugvnc.api.pixel.PixelFormat;

/**
 * A Raw decoder written from RFC 6143 sections 7.4 and 7.7.1 alone, as a viewer would: it shares
 * no code with the encoders or the test pixel writer.
 */
final class SpecRawDecoder {

  private SpecRawDecoder() {}

  /**
   * Decodes a Raw payload of {@code width * height} pixels into 0x00RRGGBB colours.
   *
   * @throws IllegalArgumentException if the payload is not exactly the expected length
   */
  static int[] decode(byte[] payload, int width, int height, PixelFormat format, int[] colourMap) {
    int bytesPerPixel = SpecPixels.size(format);
    if (payload.length != width * height * bytesPerPixel) {
      throw new IllegalArgumentException("Raw payload has " + payload.length + " bytes, expected "
          + width * height * bytesPerPixel);
    }
    int[] rgb = new int[width * height];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = SpecPixels.colour(
          SpecPixels.value(payload, i * bytesPerPixel, format), format, colourMap);
    }
    return rgb;
  }

  /** Scales a field value of {@code 0..max} to 8 bits, rounded to the nearest. */
  static int expand(int value, int max) {
    return SpecPixels.expand(value, max);
  }
}
