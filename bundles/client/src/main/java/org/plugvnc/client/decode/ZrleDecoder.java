package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.protocol.RfbInput;

/**
 * ZRLE encoding (16, RFC 6143 7.7.6): U32 length and that many bytes of zlib data which "when
 * uncompressed represents tiles of 64x64 pixels in left-to-right, top-to-bottom order, similar to
 * hextile", each tile one of the subencodings {@link RleTiles} decodes, pixels as
 * {@link CompressedPixels CPIXELs}. "A single zlib 'stream' object is used for a given RFB
 * protocol connection": this decoder keeps it.
 *
 * <p>The inflated bytes are bounded before they arrive by the most a rectangle of this size can
 * take (every tile a 127-colour palette plus a CPIXEL and a run byte per pixel); after the last
 * tile no inflated byte may be left over.
 */
public final class ZrleDecoder implements RectangleDecoder {

  private static final int TILE = 64;

  private final ZlibStream stream = new ZlibStream("ZRLE");
  private final InflateBuffer buffer = new InflateBuffer();
  private final RleTiles tiles = new RleTiles("ZRLE", TILE, false);

  @Override
  public void decode(RfbInput in, Rectangle rect, Framebuffer fb) throws IOException {
    fb.checkInside(rect);
    CompressedPixels cp = CompressedPixels.of(fb.pixelDecoder());
    long length = in.readU32();
    int produced = stream.inflate(in, length, buffer, maxInflated(rect, cp.bytes()));
    TileSource.Bytes src = new TileSource.Bytes(buffer.bytes(), produced);
    tiles.startRectangle();
    for (int ty = 0; ty < rect.height(); ty += TILE) {
      int th = Math.min(TILE, rect.height() - ty);
      for (int tx = 0; tx < rect.width(); tx += TILE) {
        int tw = Math.min(TILE, rect.width() - tx);
        tiles.tile(src, cp, fb, rect.x() + tx, rect.y() + ty, tw, th);
      }
    }
    if (src.remaining() > 0) {
      throw new RfbProtocolException("ZRLE " + rect + " inflated to " + src.remaining()
          + " bytes more than its tiles take");
    }
  }

  private static int maxInflated(Rectangle rect, int cpb) throws RfbProtocolException {
    long tileCount = (long) ((rect.width() + TILE - 1) / TILE) * ((rect.height() + TILE - 1) / TILE);
    long area = (long) rect.width() * rect.height();
    return Sizes.arrayLength(tileCount * (1 + 127L * cpb) + area * (cpb + 1), rect);
  }

  @Override
  public void close() {
    stream.close();
  }
}
