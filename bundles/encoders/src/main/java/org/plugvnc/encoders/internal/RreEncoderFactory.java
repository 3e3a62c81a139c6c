package org.plugvnc.encoders.internal;

import org.osgi.service.component.annotations.Component;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.protocol.Rfb;

/**
 * RRE encoding (2, RFC 6143 section 7.7.3): a background and single-coloured subrectangles. "Not
 * appropriate for complex desktops", but compact for solid, two-colour and few-colour rectangles,
 * which is what the engine's selector gives it.
 */
@Component(service = EncoderFactory.class, property = EncoderFactory.PROPERTY_ENCODING + ":Integer=2")
public class RreEncoderFactory implements EncoderFactory {

  @Override
  public int encoding() {
    return Rfb.ENCODING_RRE;
  }

  /** Each RRE rectangle stands alone. */
  @Override
  public Continuity continuity() {
    return Continuity.STATELESS;
  }

  @Override
  public Encoder create(EncoderContext context) {
    return RreEncoder.rre();
  }
}
