package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.protocol.RfbInput;

/**
 * DesktopSize pseudo-encoding (-223, rfbproto 7.8.2): no data; the rectangle's width and height
 * are the new framebuffer size. The framebuffer becomes black until the server sends content.
 */
public final class DesktopSizeDecoder implements RectangleDecoder {

  @Override
  public void decode(RfbInput in, Rectangle rect, Framebuffer fb) throws IOException {
    fb.resize(rect.width(), rect.height());
  }
}
