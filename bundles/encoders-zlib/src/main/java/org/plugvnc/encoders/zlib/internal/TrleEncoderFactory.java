package org.plugvnc.encoders.zlib.internal;

import org.osgi.service.component.annotations.Component;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.protocol.Rfb;

/**
 * TRLE encoding (15, RFC 6143 7.7.5): ZRLE's palettes and run lengths on 16x16 tiles, without
 * zlib. Cheap on CPU at both ends, for fast links and small viewers.
 */
@Component(service = EncoderFactory.class,
    property = EncoderFactory.PROPERTY_ENCODING + ":Integer=15")
public class TrleEncoderFactory implements EncoderFactory {

  @Override
  public int encoding() {
    return Rfb.ENCODING_TRLE;
  }

  /** Palette reuse stays within one rectangle: nothing carries over. */
  @Override
  public Continuity continuity() {
    return Continuity.STATELESS;
  }

  @Override
  public Encoder create(EncoderContext context) {
    return new TrleEncoder();
  }
}
