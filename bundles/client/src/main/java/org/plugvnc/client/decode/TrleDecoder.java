package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.protocol.RfbInput;

/**
 * TRLE encoding (15, RFC 6143 7.7.5): "TRLE stands for Tiled Run-Length Encoding, and combines
 * tiling, palettization, and run-length encoding. The rectangle is divided into tiles of 16x16
 * pixels in left-to-right, top-to-bottom order, similar to Hextile", each tile one of the
 * subencodings {@link RleTiles} decodes (palette reuse 127 and 129 included), pixels as
 * {@link CompressedPixels CPIXELs}. Nothing is compressed: tiles come straight from the stream.
 */
public final class TrleDecoder implements RectangleDecoder {

  private static final int TILE = 16;

  private final RleTiles tiles = new RleTiles("TRLE", TILE, true);

  @Override
  public void decode(RfbInput in, Rectangle rect, Framebuffer fb) throws IOException {
    fb.checkInside(rect);
    CompressedPixels cp = CompressedPixels.of(fb.pixelDecoder());
    TileSource src = TileSource.of(in);
    tiles.startRectangle();
    for (int ty = 0; ty < rect.height(); ty += TILE) {
      int th = Math.min(TILE, rect.height() - ty);
      for (int tx = 0; tx < rect.width(); tx += TILE) {
        int tw = Math.min(TILE, rect.width() - tx);
        tiles.tile(src, cp, fb, rect.x() + tx, rect.y() + ty, tw, th);
      }
    }
  }
}
