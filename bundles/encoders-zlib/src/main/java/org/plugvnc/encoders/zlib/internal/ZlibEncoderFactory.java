package org.plugvnc.encoders.zlib.internal;

import org.osgi.service.component.annotations.Component;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.protocol.Rfb;

/**
 * Zlib encoding (6, rfbproto "zlib Encoding"): Raw pixels through one zlib stream per connection.
 * For viewers that know no better compressed encoding (vncsnapshot, older libvncclient builds).
 */
@Component(service = EncoderFactory.class,
    property = EncoderFactory.PROPERTY_ENCODING + ":Integer=6")
public class ZlibEncoderFactory implements EncoderFactory {

  @Override
  public int encoding() {
    return Rfb.ENCODING_ZLIB;
  }

  /** The only state the viewer follows is the session's zlib stream, kept by the engine. */
  @Override
  public Continuity continuity() {
    return Continuity.CONTINUES;
  }

  @Override
  public Encoder create(EncoderContext context) {
    return new ZlibEncoder(context);
  }
}
