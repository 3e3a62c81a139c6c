package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.protocol.RfbInput;

/**
 * CoRRE encoding (4, rfbproto "CoRRE Encoding"): "The only difference between CoRRE and RRE is
 * that the position, width and height of the subrectangles are limited to a maximum of 255
 * pixels": U32 number-of-subrectangles, PIXEL background, then per subrectangle PIXEL and U8 x,
 * y, w, h. Checked as {@link RreDecoder} checks RRE.
 */
public final class CoRreDecoder implements RectangleDecoder {

  @Override
  public void decode(RfbInput in, Rectangle rect, Framebuffer fb) throws IOException {
    RreDecoder.decode(in, rect, fb, 1);
  }
}
