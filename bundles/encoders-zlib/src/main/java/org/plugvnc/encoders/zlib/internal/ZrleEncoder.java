package org.plugvnc.encoders.zlib.internal;

import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.encoding.RectContent;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.Rect;

/**
 * Writes rectangles as ZRLE (RFC 6143 7.7.6): a {@code U32} length, then zlib data which "when
 * uncompressed represents tiles of 64x64 pixels in left-to-right, top-to-bottom order", the last
 * tile of a row narrower and the tiles of the last row shorter where the rectangle is not a
 * multiple of 64. Each tile is coded by {@link TileCoder}.
 *
 * <p>One zlib stream serves the whole connection: the session's {@code context.deflater(0)}, which
 * outlives this encoder, so a new encoder simply goes on with it. Tiles are collected into a
 * buffer and deflated in batches of about {@link #BATCH} bytes, since zlib costs per call; a run
 * of raw tiles (noisy pixels, such as a photograph's) is deflated apart from the tiles around it,
 * with Huffman coding alone (see {@link ZlibStream#write}).
 */
final class ZrleEncoder implements Encoder {

  /** ZRLE's tile size. */
  static final int TILE = 64;

  /** Tile bytes collected before they go to zlib. */
  static final int BATCH = 64 * 1024;

  private final ZlibStream stream;
  private final TileCoder tiles = new TileCoder(TILE * TILE, false);
  private final ByteSink batch = new ByteSink(BATCH + TileCoder.maxTileBytes(TILE * TILE));
  /** Where the batch's bytes not yet deflated start. */
  private int unsent;
  /** Whether those bytes are raw tiles. */
  private boolean unsentRaw;

  ZrleEncoder(EncoderContext context) {
    stream = new ZlibStream(context.deflater(0));
    stream.setLevel(ZlibStream.DEFAULT_LEVEL);
  }

  @Override
  public void configure(EncodingSettings settings) {
    stream.setLevel(ZlibStream.levelFor(settings));
  }

  @Override
  public void encode(EncodeRequest request, RfbOutput out) {
    Rect rect = request.rect();
    RectContent content = request.content();
    boolean solid = content != null && content.kind() == ContentClass.SOLID;
    tiles.startRect(request.writer());
    stream.begin(out);
    for (int ty = 0; ty < rect.height(); ty += TILE) {
      int th = Math.min(TILE, rect.height() - ty);
      for (int tx = 0; tx < rect.width(); tx += TILE) {
        int tw = Math.min(TILE, rect.width() - tx);
        int start = batch.size();
        boolean raw = false;
        if (solid) {
          tiles.solidTile(content.palette()[0], batch);
        } else {
          raw = tiles.tile(request.pixels(), request.offset() + ty * request.stride() + tx,
              request.stride(), tw, th, batch);
        }
        if (raw != unsentRaw) {
          deflateUpTo(start);
          unsentRaw = raw;
        }
        if (batch.size() >= BATCH) {
          deflateUpTo(batch.size());
        }
      }
    }
    deflateUpTo(batch.size());
    stream.finish();
  }

  /**
   * Deflates the batch's bytes not yet sent, up to {@code end}; raw tiles go as literals (see
   * {@link ZlibStream#write}), so the bytes of raw and other tiles are sent apart.
   */
  private void deflateUpTo(int end) {
    stream.write(batch.array(), unsent, end - unsent, unsentRaw);
    unsent = end;
    if (end == batch.size()) {
      batch.clear();
      unsent = 0;
    }
  }

  /** The context's stream is the session's: left as it is for the next encoder. */
  @Override
  public void close() {}
}
