package org.plugvnc.encoders.zlib.internal;

import org.osgi.service.component.annotations.Component;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.protocol.Rfb;

/**
 * ZRLE encoding (16, RFC 6143 7.7.6): palettes and run lengths on 64x64 tiles, then zlib. The
 * best lossless encoding for desktop content that most viewers (TigerVNC, RealVNC, noVNC) take.
 */
@Component(service = EncoderFactory.class,
    property = EncoderFactory.PROPERTY_ENCODING + ":Integer=16")
public class ZrleEncoderFactory implements EncoderFactory {

  @Override
  public int encoding() {
    return Rfb.ENCODING_ZRLE;
  }

  /** The only state the viewer follows is the session's zlib stream, kept by the engine. */
  @Override
  public Continuity continuity() {
    return Continuity.CONTINUES;
  }

  @Override
  public Encoder create(EncoderContext context) {
    return new ZrleEncoder(context);
  }
}
