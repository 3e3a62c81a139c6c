package org.plugvnc.encoders.internal;

import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.Rect;

/**
 * Writes a rectangle as Raw (RFC 6143 section 7.7.1): "width * height pixel values ... in
 * left-to-right scanline order", each in the viewer's pixel format.
 *
 * <p>Raw is the fallback every viewer takes and the cheapest on CPU, so this loop is kept flat: the
 * request's colours are converted through {@link PixelWriter#pixelValue} straight into a reusable
 * {@link OutputChunk}, which goes to the output in chunks of at most {@link OutputChunk#CAPACITY}
 * bytes, whatever the rectangle's size.
 */
final class RawEncoder implements Encoder {

  private final OutputChunk chunk = new OutputChunk();

  @Override
  public void encode(EncodeRequest request, RfbOutput out) {
    Rect rect = request.rect();
    if (rect.isEmpty()) {
      return;
    }
    PixelWriter writer = request.writer();
    PixelLayout layout = PixelLayout.of(writer.format());
    int[] pixels = request.pixels();
    int chunkPixels = OutputChunk.CAPACITY / layout.bytes;
    for (int y = rect.y(); y < rect.bottom(); y++) {
      int from = request.rowStart(y);
      int left = rect.width();
      while (left > 0) {
        int count = Math.min(left, (OutputChunk.CAPACITY - chunk.length) / layout.bytes);
        if (count == 0) {
          chunk.flush(out);
          count = Math.min(left, chunkPixels);
        }
        layout.putColours(pixels, from, count, writer, chunk.bytes, chunk.length);
        chunk.length += count * layout.bytes;
        from += count;
        left -= count;
      }
    }
    chunk.flush(out);
  }
}
