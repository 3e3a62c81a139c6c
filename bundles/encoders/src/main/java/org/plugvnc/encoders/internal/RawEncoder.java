package org.plugvnc.encoders.internal;

import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;

/**
 * Writes a rectangle as Raw (RFC 6143 section 7.7.1): "width * height pixel values ... in
 * left-to-right scanline order", each in the viewer's pixel format.
 *
 * <p>Raw is the fallback every viewer takes and the cheapest on CPU, so this loop is kept flat: the
 * request's colours are converted through {@link PixelWriter#pixelValue} straight into a reusable
 * {@link OutputChunk}, which goes to the output in chunks of at most {@link OutputChunk#CAPACITY}
 * bytes, whatever the rectangle's size. In the format most viewers ask for (32 bpp, 8 bits a
 * channel at shifts 16, 8 and 0) a colour is its own pixel value, so the conversion is skipped.
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
    boolean asIs = colourIsPixelValue(writer.format());
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
        if (asIs) {
          layout.putValues(pixels, from, count, chunk.bytes, chunk.length);
        } else {
          layout.putColours(pixels, from, count, writer, chunk.bytes, chunk.length);
        }
        chunk.length += count * layout.bytes;
        from += count;
        left -= count;
      }
    }
    chunk.flush(out);
  }

  /**
   * Whether a 0x00RRGGBB colour is already the pixel value in {@code f}: true colour, 32 bits,
   * every maximum 255, red at 16, green at 8, blue at 0.
   */
  static boolean colourIsPixelValue(PixelFormat f) {
    return f.trueColour() && f.bitsPerPixel() == 32 && f.redMax() == 255 && f.greenMax() == 255
        && f.blueMax() == 255 && f.redShift() == 16 && f.greenShift() == 8 && f.blueShift() == 0;
  }
}
