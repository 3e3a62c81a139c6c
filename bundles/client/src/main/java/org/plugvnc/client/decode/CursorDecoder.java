package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.CursorShape;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbProtocolException;
import org.plugvnc.client.protocol.RfbInput;

/**
 * Cursor pseudo-encoding (-239, RFC 6143 7.8.1): width * height pixels in the client's pixel
 * format, then a bitmask of ((width + 7) / 8) * height bytes. The rectangle's x, y are the hot
 * spot. Does not touch the framebuffer pixels.
 */
public final class CursorDecoder implements RectangleDecoder {

  @Override
  public void decode(RfbInput in, Rectangle rect, Framebuffer fb) throws IOException {
    int w = rect.width();
    int h = rect.height();
    int max = fb.limits().maxCursorSide();
    if (w > max || h > max) {
      throw new RfbProtocolException("cursor " + w + "x" + h + " exceeds the limit of " + max);
    }
    PixelDecoder pixels = fb.pixelDecoder();
    int[] rgb = new int[w * h];
    byte[] row = fb.scratch(w * pixels.bytesPerPixel());
    for (int y = 0; y < h; y++) {
      in.readFully(row, 0, w * pixels.bytesPerPixel());
      pixels.decode(row, 0, rgb, y * w, w);
    }
    byte[] mask = in.readBytes((w + 7) / 8 * h);
    fb.setCursor(new CursorShape(rect.x(), rect.y(), w, h, rgb, mask));
  }
}
