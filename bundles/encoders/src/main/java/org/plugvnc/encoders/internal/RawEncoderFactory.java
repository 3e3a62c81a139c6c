package org.plugvnc.encoders.internal;

import org.osgi.service.component.annotations.Component;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.protocol.Rfb;

/**
 * Raw encoding (0, RFC 6143 section 7.7.1). Every viewer must understand it, so the engine can
 * always fall back to it; it is also the cheapest on CPU when bandwidth is plentiful (localhost).
 */
@Component(service = EncoderFactory.class, property = EncoderFactory.PROPERTY_ENCODING + ":Integer=0")
public class RawEncoderFactory implements EncoderFactory {

  @Override
  public int encoding() {
    return Rfb.ENCODING_RAW;
  }

  /** Raw carries nothing from one rectangle to the next. */
  @Override
  public Continuity continuity() {
    return Continuity.STATELESS;
  }

  @Override
  public Encoder create(EncoderContext context) {
    return new RawEncoder();
  }
}
