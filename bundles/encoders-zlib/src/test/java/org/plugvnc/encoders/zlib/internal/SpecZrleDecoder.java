package org.plugvnc.encoders.zlib.internal;

import java.util.List;
import org.plugvnc.api.pixel.PixelFormat;

/**
 * A viewer's ZRLE decoder from RFC 6143 7.7.6: a U32 length, that many bytes of zlib data on the
 * connection's one zlib stream, which inflate to exactly the rectangle's 64x64 tiles.
 */
final class SpecZrleDecoder {

  private final ViewerInflater stream = new ViewerInflater();
  private final SpecTileDecoder tiles = new SpecTileDecoder(64, false);
  private byte[] lastInflated;

  /** Decodes one rectangle's payload (all of it) into its colours, row by row. */
  int[] decode(byte[] payload, int width, int height, PixelFormat format) {
    WireReader in = new WireReader(payload);
    byte[] zlibData = in.bytes(in.u32());
    in.expectEnd();
    lastInflated = stream.inflate(zlibData);
    WireReader tileData = new WireReader(lastInflated);
    int[] image = tiles.decode(tileData, width, height, format);
    tileData.expectEnd();
    return image;
  }

  /** The tiles' subencodings in the last rectangle. */
  List<Integer> subencodings() {
    return tiles.subencodings();
  }

  /** The last rectangle's zlib data inflated. */
  byte[] lastInflated() {
    return lastInflated;
  }
}
