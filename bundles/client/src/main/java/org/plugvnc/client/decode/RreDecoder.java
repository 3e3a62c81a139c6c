package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.protocol.RfbInput;

/**
 * RRE encoding (2, RFC 6143 7.7.3): "a background pixel value, Vb [...] and a count N, followed
 * by a list of N subrectangles, each of which consists of a tuple &lt;v, x, y, w, h&gt; [...] The
 * client can render the original rectangle by drawing a filled rectangle of the background pixel
 * value and then drawing a filled rectangle corresponding to each subrectangle." On the wire: U32
 * number-of-subrectangles, PIXEL background, then per subrectangle PIXEL and U16 x, y, w, h.
 *
 * <p>Checked: the subrectangles are a partition of the rectangle, so there can be no more of them
 * than it has pixels (bounded before reading any); each must lie inside the rectangle.
 */
public final class RreDecoder implements RectangleDecoder {

  /** Subrectangles read from the stream in one go, bounding the scratch buffer. */
  private static final int BATCH = 1024;

  @Override
  public void decode(RfbInput in, Rectangle rect, Framebuffer fb) throws IOException {
    decode(in, rect, fb, 2);
  }

  /**
   * Decodes RRE ({@code fieldBytes} 2) or CoRRE ({@code fieldBytes} 1, U8 x, y, w, h).
   */
  static void decode(RfbInput in, Rectangle rect, Framebuffer fb, int fieldBytes)
      throws IOException {
    fb.checkInside(rect);
    PixelDecoder pixels = fb.pixelDecoder();
    long count = in.readU32();
    long area = (long) rect.width() * rect.height();
    if (count > area) {
      throw new RfbProtocolException(rect + " announces " + count
          + " subrectangles, more than its " + area + " pixels");
    }
    int bpp = pixels.bytesPerPixel();
    int subrectBytes = bpp + 4 * fieldBytes;
    byte[] b = fb.scratch(Math.max(bpp, (int) Math.min(count, BATCH) * subrectBytes));
    in.readFully(b, 0, bpp);
    fb.fill(rect.x(), rect.y(), rect.width(), rect.height(), pixels.rgb(pixels.value(b, 0)));
    long left = count;
    while (left > 0) {
      int n = (int) Math.min(left, BATCH);
      in.readFully(b, 0, n * subrectBytes);
      for (int i = 0; i < n; i++) {
        int off = i * subrectBytes;
        drawSubrect(b, off, bpp, fieldBytes, pixels.rgb(pixels.value(b, off)), rect, fb);
      }
      left -= n;
    }
  }

  private static void drawSubrect(byte[] b, int off, int bpp, int fieldBytes, int rgb,
      Rectangle rect, Framebuffer fb) throws RfbProtocolException {
    int p = off + bpp;
    int x = field(b, p, fieldBytes);
    int y = field(b, p + fieldBytes, fieldBytes);
    int w = field(b, p + 2 * fieldBytes, fieldBytes);
    int h = field(b, p + 3 * fieldBytes, fieldBytes);
    if (x + w > rect.width() || y + h > rect.height()) {
      throw new RfbProtocolException("subrectangle " + x + "," + y + " " + w + "x" + h
          + " lies outside " + rect);
    }
    fb.fill(rect.x() + x, rect.y() + y, w, h, rgb);
  }

  private static int field(byte[] b, int off, int bytes) {
    return bytes == 1 ? b[off] & 0xFF : (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
  }
}
