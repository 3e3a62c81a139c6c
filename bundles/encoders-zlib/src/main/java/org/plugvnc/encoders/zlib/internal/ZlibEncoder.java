package org.plugvnc.encoders.zlib.internal;

import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.Rect;

/**
 * Writes rectangles as Zlib (rfbproto "zlib Encoding"): a {@code U32} length and zlib data that
 * "when uncompressed, represents a rectangle according to the Raw Encoding", width * height pixel
 * values row by row.
 *
 * <p>"A single zlib stream object is used for a given RFB connection": the session's
 * {@code context.deflater(0)}, which outlives this encoder, so a new encoder simply goes on with
 * it. The viewer's pixel writer fills a buffer of about {@link #BATCH} bytes, which then goes to
 * zlib in one call.
 */
final class ZlibEncoder implements Encoder {

  /** Pixel bytes collected before they go to zlib. */
  static final int BATCH = 64 * 1024;

  /** Most pixels handed to the pixel writer at once: a quarter of a batch at 32 bits. */
  private static final int PIXELS_PER_WRITE = BATCH / 16;

  private final ZlibStream stream;
  private final ByteSink batch = new ByteSink(BATCH + 4 * PIXELS_PER_WRITE);

  ZlibEncoder(EncoderContext context) {
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
    PixelWriter writer = request.writer();
    stream.begin(out);
    for (int y = rect.y(); y < rect.bottom(); y++) {
      int start = request.rowStart(y);
      for (int x = 0; x < rect.width(); x += PIXELS_PER_WRITE) {
        writer.writePixels(request.pixels(), start + x,
            Math.min(PIXELS_PER_WRITE, rect.width() - x), batch);
        if (batch.size() >= BATCH) {
          flushBatch();
        }
      }
    }
    flushBatch();
    stream.finish();
  }

  private void flushBatch() {
    stream.write(batch.array(), 0, batch.size(), false);
    batch.clear();
  }

  /** The context's stream is the session's: left as it is for the next encoder. */
  @Override
  public void close() {}
}
