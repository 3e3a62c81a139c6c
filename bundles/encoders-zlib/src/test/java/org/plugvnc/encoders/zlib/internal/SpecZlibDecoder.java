package org.plugvnc.encoders.zlib.internal;

import org.plugvnc.api.pixel.PixelFormat;

/**
 * A viewer's Zlib decoder from rfbproto "zlib Encoding": a U32 length, that many bytes of zlib data
 * on the connection's one zlib stream, which inflate to exactly the rectangle in Raw encoding
 * (width * height PIXELs, row by row).
 */
final class SpecZlibDecoder {

  private final ViewerInflater stream = new ViewerInflater();
  private byte[] lastInflated;

  /** Decodes one rectangle's payload (all of it) into its colours, row by row. */
  int[] decode(byte[] payload, int width, int height, PixelFormat format) {
    WireReader in = new WireReader(payload);
    byte[] zlibData = in.bytes(in.u32());
    in.expectEnd();
    lastInflated = stream.inflate(zlibData);
    SpecPixels pixels = new SpecPixels(format);
    if (lastInflated.length != width * height * pixels.bytesPerPixel()) {
      throw new AssertionError(lastInflated.length + " bytes inflated for " + width + "x" + height);
    }
    WireReader raw = new WireReader(lastInflated);
    int[] image = new int[width * height];
    for (int i = 0; i < image.length; i++) {
      image[i] = pixels.pixel(raw);
    }
    return image;
  }

  /** The last rectangle's zlib data inflated. */
  byte[] lastInflated() {
    return lastInflated;
  }
}
