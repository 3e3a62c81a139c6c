package org.plugvnc.encoders.zlib.internal;

import java.util.List;
import org.plugvnc.api.pixel.PixelFormat;

/** A viewer's TRLE decoder from RFC 6143 7.7.5: the rectangle's 16x16 tiles, no length, no zlib. */
final class SpecTrleDecoder {

  private final SpecTileDecoder tiles = new SpecTileDecoder(16, true);

  /** Decodes one rectangle's payload, which must be exactly its tiles, into its colours. */
  int[] decode(byte[] payload, int width, int height, PixelFormat format) {
    WireReader in = new WireReader(payload);
    int[] image = tiles.decode(in, width, height, format);
    in.expectEnd();
    return image;
  }

  /** The tiles' subencodings in the last rectangle. */
  List<Integer> subencodings() {
    return tiles.subencodings();
  }
}
