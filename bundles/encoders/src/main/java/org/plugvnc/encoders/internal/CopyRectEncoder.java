package org.plugvnc.encoders.internal;

import java.util.Objects;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.Point;

/**
 * Writes a CopyRect payload (RFC 6143 section 7.7.2): U16 src-x-position, U16 src-y-position, the
 * top left corner in the viewer's framebuffer that the rectangle's pixels are copied from.
 * Stateless, but one instance per session as the contract asks.
 */
final class CopyRectEncoder implements Encoder {

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if the request has no copy source (an engine bug: copies only go
   *     to encoders whose factory says {@code encodesCopies()})
   */
  @Override
  public void encode(EncodeRequest request, RfbOutput out) {
    Point source = Objects.requireNonNull(request.copySource(),
        "CopyRect needs a copy source; the engine sent a pixel rectangle");
    out.writeU16(source.x());
    out.writeU16(source.y());
  }
}
