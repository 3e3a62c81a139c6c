package org.plugvnc.client.decode;

import org.plugvnc.client.Rectangle;
import org.plugvnc.client.protocol.RfbInput;

/**
 * LastRect pseudo-encoding (-224, rfbproto "LastRect Pseudo-encoding"): "A client which requests
 * the LastRect pseudo-encoding is declaring that it does not need the exact number of rectangles
 * in a FramebufferUpdate message. Instead, it will stop parsing when it reaches a LastRect
 * rectangle. [...] the server typically advertises this situation by saying that it is going to
 * send 65535 rectangles [...] There is no further data associated with the pseudo-rectangle."
 *
 * <p>The update ends here whatever count it announced: the spec says the client stops parsing at
 * a LastRect, and 65535 is only what servers typically announce. The header's position and size
 * carry no meaning and are not checked.
 */
public final class LastRectDecoder implements RectangleDecoder {

  @Override
  public void decode(RfbInput in, Rectangle rect, Framebuffer framebuffer) {
    // no data follows the header
  }

  @Override
  public boolean endsUpdate() {
    return true;
  }
}
