package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.protocol.RfbInput;

/** Raw encoding (0, RFC 6143 7.7.1): width * height pixels, row by row. */
public final class RawDecoder implements RectangleDecoder {

  @Override
  public void decode(RfbInput in, Rectangle rect, Framebuffer fb) throws IOException {
    fb.checkInside(rect);
    PixelDecoder pixels = fb.pixelDecoder();
    int rowBytes = rect.width() * pixels.bytesPerPixel();
    byte[] row = fb.scratch(rowBytes);
    int[] dst = fb.buffer();
    for (int y = 0; y < rect.height(); y++) {
      in.readFully(row, 0, rowBytes);
      pixels.decode(row, 0, dst, (rect.y() + y) * fb.width() + rect.x(), rect.width());
    }
  }
}
