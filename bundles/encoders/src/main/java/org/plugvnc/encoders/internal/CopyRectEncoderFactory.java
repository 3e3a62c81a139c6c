package org.plugvnc.encoders.internal;

import org.osgi.service.component.annotations.Component;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.protocol.Rfb;

/**
 * CopyRect encoding (1, RFC 6143 section 7.7.2): tells the viewer to copy pixels it already has,
 * which makes scrolling and window moves cost four bytes instead of a full repaint. The engine
 * gives it copies only ({@link #encodesCopies()}).
 */
@Component(service = EncoderFactory.class, property = EncoderFactory.PROPERTY_ENCODING + ":Integer=1")
public class CopyRectEncoderFactory implements EncoderFactory {

  @Override
  public int encoding() {
    return Rfb.ENCODING_COPY_RECT;
  }

  /** A copy refers to the viewer's framebuffer only, never to an earlier rectangle's encoding. */
  @Override
  public Continuity continuity() {
    return Continuity.STATELESS;
  }

  @Override
  public boolean encodesCopies() {
    return true;
  }

  @Override
  public Encoder create(EncoderContext context) {
    return new CopyRectEncoder();
  }
}
