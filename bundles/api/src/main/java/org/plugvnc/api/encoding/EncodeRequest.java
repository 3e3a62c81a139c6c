package org.plugvnc.api.encoding;

import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;

/**
 * One rectangle to encode.
 *
 * <p>The pixels are 0x00RRGGBB ints in an array the engine owns: pixel (x, y) of the framebuffer,
 * for (x, y) inside {@code rect}, is {@code pixels[offset + (y - rect.y()) * stride + (x - rect.x())]}
 * (see {@link #pixel}). The encoder reads them only inside {@code rect}, never writes them, and
 * keeps no reference after {@link Encoder#encode} returns.
 *
 * @param rect the rectangle, in framebuffer coordinates
 * @param pixels the array holding the rectangle's pixels (empty for copies)
 * @param offset index of the rectangle's top-left pixel in {@code pixels}
 * @param stride distance between two rows in {@code pixels}
 * @param writer writes pixel values in the viewer's pixel format
 * @param content what the engine's selector found in the rectangle, or {@code null} where it did
 *     not look (the encoder then finds out itself what it needs)
 * @param copySource for copy encoders: where the pixels of {@code rect} were copied from (the
 *     viewer's framebuffer already holds them there); {@code null} for pixel encoders
 */
public record EncodeRequest(Rect rect, int[] pixels, int offset, int stride, PixelWriter writer,
    RectContent content, Point copySource) {

  /** A pixel rectangle, with what the selector found in it ({@code null} if it did not look). */
  public static EncodeRequest pixels(Rect rect, int[] pixels, int offset, int stride,
      PixelWriter writer, RectContent content) {
    return new EncodeRequest(rect, pixels, offset, stride, writer, content, null);
  }

  /** A copy of {@code rect} from {@code source}. */
  public static EncodeRequest copy(Rect rect, Point source, PixelWriter writer) {
    return new EncodeRequest(rect, new int[0], 0, 0, writer, null, source);
  }

  /** The colour of framebuffer pixel (x, y), which lies inside {@link #rect}. */
  public int pixel(int x, int y) {
    return pixels[offset + (y - rect.y()) * stride + (x - rect.x())];
  }

  /** Index in {@link #pixels} of the first pixel of framebuffer row {@code y}. */
  public int rowStart(int y) {
    return offset + (y - rect.y()) * stride;
  }
}
