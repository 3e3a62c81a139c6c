package org.plugvnc.encoders.internal;

import org.osgi.service.component.annotations.Component;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.protocol.Rfb;

/**
 * Hextile encoding (5, RFC 6143 section 7.7.4): RRE within 16 x 16 tiles, raw where that is
 * smaller. Uncompressed, so cheap on CPU, and taken by every viewer in common use.
 */
@Component(service = EncoderFactory.class, property = EncoderFactory.PROPERTY_ENCODING + ":Integer=5")
public class HextileEncoderFactory implements EncoderFactory {

  @Override
  public int encoding() {
    return Rfb.ENCODING_HEXTILE;
  }

  /** Background and foreground carry over between tiles of one rectangle only, never further. */
  @Override
  public Continuity continuity() {
    return Continuity.STATELESS;
  }

  @Override
  public Encoder create(EncoderContext context) {
    return new HextileEncoder();
  }
}
