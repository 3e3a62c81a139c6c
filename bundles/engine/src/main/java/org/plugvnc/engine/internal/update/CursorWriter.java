package org.plugvnc.engine.internal.update;

import io.netty.buffer.ByteBuf;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.engine.internal.protocol.ServerMessageWriter;

/**
 * Writes the Cursor pseudo-rectangle (RFC 6143 7.8.1): the hot spot as x and y, the image in the
 * viewer's pixel format, then a bitmask of opaque pixels (alpha of at least half), one bit per
 * pixel, most significant first, rows padded to a byte.
 */
public final class CursorWriter {

  private CursorWriter() {}

  /** Larger cursors make TigerVNC's viewer drop the connection ("cursor is too large"). */
  static final int MAX_SIDE = 256;

  /**
   * Writes the rectangle for {@code shape}; a null shape is sent as an empty (invisible) cursor,
   * one larger than {@link #MAX_SIDE} as the {@code MAX_SIDE} square around its hot spot.
   */
  public static void write(ByteBuf out, CursorShape shape, PixelWriter pixels) {
    if (shape == null || shape.width() == 0 || shape.height() == 0) {
      ServerMessageWriter.rectangle(out, 0, 0, 0, 0, Rfb.PSEUDO_CURSOR);
      return;
    }
    shape = cropped(shape);
    int w = shape.width();
    int h = shape.height();
    ServerMessageWriter.rectangle(out, shape.hotX(), shape.hotY(), w, h, Rfb.PSEUDO_CURSOR);
    pixels.writePixels(shape.argb(), 0, w * h, new ByteBufRfbOutput(out));
    int rowBytes = (w + 7) / 8;
    for (int y = 0; y < h; y++) {
      for (int bx = 0; bx < rowBytes; bx++) {
        int bits = 0;
        for (int b = 0; b < 8; b++) {
          int x = bx * 8 + b;
          if (x < w && (shape.argb()[y * w + x] >>> 24) >= 0x80) {
            bits |= 0x80 >> b;
          }
        }
        out.writeByte(bits);
      }
    }
  }

  private static CursorShape cropped(CursorShape s) {
    if (s.width() <= MAX_SIDE && s.height() <= MAX_SIDE) {
      return s;
    }
    int w = Math.min(s.width(), MAX_SIDE);
    int h = Math.min(s.height(), MAX_SIDE);
    int x0 = Math.max(0, Math.min(s.hotX() - w / 2, s.width() - w));
    int y0 = Math.max(0, Math.min(s.hotY() - h / 2, s.height() - h));
    int[] argb = new int[w * h];
    for (int y = 0; y < h; y++) {
      System.arraycopy(s.argb(), (y0 + y) * s.width() + x0, argb, y * w, w);
    }
    return new CursorShape(w, h, s.hotX() - x0, s.hotY() - y0, argb);
  }
}
