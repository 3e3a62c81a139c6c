package org.plugvnc.encoders.internal;

import org.osgi.service.component.annotations.Component;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.protocol.Rfb;

/**
 * CoRRE encoding (4, rfbproto "CoRRE Encoding"): RRE with one-byte subrectangle fields, so "the
 * server needs to produce several rectangles in order to cover a larger area": the engine splits
 * rectangles to at most 255 x 255 ({@link #maxWidth()}, {@link #maxHeight()}).
 */
@Component(service = EncoderFactory.class, property = EncoderFactory.PROPERTY_ENCODING + ":Integer=4")
public class CorreEncoderFactory implements EncoderFactory {

  /** The largest side a U8 position plus a U8 size can describe from the rectangle's origin. */
  static final int MAX_SIDE = 255;

  @Override
  public int encoding() {
    return Rfb.ENCODING_CORRE;
  }

  /** Each CoRRE rectangle stands alone. */
  @Override
  public Continuity continuity() {
    return Continuity.STATELESS;
  }

  @Override
  public int maxWidth() {
    return MAX_SIDE;
  }

  @Override
  public int maxHeight() {
    return MAX_SIDE;
  }

  @Override
  public Encoder create(EncoderContext context) {
    return RreEncoder.corre();
  }
}
