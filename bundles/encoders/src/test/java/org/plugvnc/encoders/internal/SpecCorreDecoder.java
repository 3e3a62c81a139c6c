package org.plugvnc.encoders.internal;

import org.plugvnc.api.pixel.PixelFormat;

/**
 * A CoRRE decoder written from rfbproto's "CoRRE Encoding" alone: "The only difference between
 * CoRRE and RRE is that the position, width and height of the subrectangles are limited to a
 * maximum of 255 pixels", sent as U8 x-position, y-position, width and height.
 */
final class SpecCorreDecoder {

  private SpecCorreDecoder() {}

  /** Decodes a CoRRE payload for a {@code width x height} rectangle into 0x00RRGGBB colours. */
  static int[] decode(byte[] payload, int width, int height, PixelFormat format, int[] colourMap) {
    if (width > 255 || height > 255) {
      throw new IllegalArgumentException("CoRRE cannot describe " + width + "x" + height);
    }
    return SpecRreDecoder.decode(payload, width, height, format, colourMap, 1);
  }
}
