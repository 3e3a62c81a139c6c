package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.protocol.RfbInput;

/**
 * CopyRect encoding (1, RFC 6143 7.7.2): U16 src-x, src-y; the rectangle's content is copied from
 * that position of the client's own framebuffer. Overlapping source and destination behave as if
 * the source were read completely before writing.
 */
public final class CopyRectDecoder implements RectangleDecoder {

  @Override
  public void decode(RfbInput in, Rectangle rect, Framebuffer fb) throws IOException {
    int srcX = in.readU16();
    int srcY = in.readU16();
    fb.checkInside(rect);
    fb.checkInside(srcX, srcY, rect.width(), rect.height(),
        "CopyRect source " + srcX + "," + srcY + " of " + rect);
    int[] p = fb.buffer();
    int stride = fb.width();
    // Copy rows away from the overlap: bottom-up when moving down, so no source row is
    // overwritten before it is read; arraycopy handles overlap within a row.
    boolean bottomUp = rect.y() > srcY;
    for (int i = 0; i < rect.height(); i++) {
      int row = bottomUp ? rect.height() - 1 - i : i;
      System.arraycopy(p, (srcY + row) * stride + srcX, p, (rect.y() + row) * stride + rect.x(),
          rect.width());
    }
  }
}
