package org.plugvnc.encoders.zlib.internal;

import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.RectContent;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.Rect;

/**
 * Writes rectangles as TRLE (RFC 6143 7.7.5): "The rectangle is divided into tiles of 16x16
 * pixels in left-to-right, top-to-bottom order, similar to Hextile", each coded by
 * {@link TileCoder} with the palette-reuse subencodings 127 and 129 allowed, and no zlib.
 *
 * <p>Palette reuse never crosses a rectangle, so nothing carries from one rectangle to the next.
 * Tiles are collected into a buffer written out in pieces of about {@link #BATCH} bytes.
 */
final class TrleEncoder implements Encoder {

  /** TRLE's tile size. */
  static final int TILE = 16;

  /** Tile bytes collected before they are written out. */
  static final int BATCH = 64 * 1024;

  private final TileCoder tiles = new TileCoder(TILE * TILE, true);
  private final ByteSink batch = new ByteSink(BATCH + TileCoder.maxTileBytes(TILE * TILE));

  @Override
  public void encode(EncodeRequest request, RfbOutput out) {
    Rect rect = request.rect();
    RectContent content = request.content();
    boolean solid = content != null && content.kind() == ContentClass.SOLID;
    tiles.startRect(request.writer());
    for (int ty = 0; ty < rect.height(); ty += TILE) {
      int th = Math.min(TILE, rect.height() - ty);
      for (int tx = 0; tx < rect.width(); tx += TILE) {
        int tw = Math.min(TILE, rect.width() - tx);
        if (solid) {
          tiles.solidTile(content.palette()[0], batch);
        } else {
          tiles.tile(request.pixels(), request.offset() + ty * request.stride() + tx,
              request.stride(), tw, th, batch);
        }
        if (batch.size() >= BATCH) {
          out.writeBytes(batch.array(), 0, batch.size());
          batch.clear();
        }
      }
    }
    out.writeBytes(batch.array(), 0, batch.size());
    batch.clear();
  }
}
