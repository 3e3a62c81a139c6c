package org.plugvnc.encoders.tight.internal;

import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderContext;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.protocol.Rfb;

/**
 * Tight encoding (7, rfbproto "Tight Encoding"): fills, palettes, zlib over four streams and JPEG.
 * The widest choice for a viewer that lists it: small for text and flat areas, JPEG for photos when
 * the viewer allows it.
 *
 * <p>Continuity: {@link Continuity#RESTARTS}. An encoder resets each zlib stream the first time it
 * uses it and says so in the control byte's reset bits, so a new encoder (after the bundle was
 * updated) never relies on what the viewer's inflaters hold. Limits: rfbproto's "the width of any
 * Tight-encoded rectangle cannot exceed 2048 pixels", and at most 65536 pixels per rectangle as
 * TigerVNC and TurboVNC send, which keeps every buffer small.
 */
@Component(service = EncoderFactory.class, property = EncoderFactory.PROPERTY_ENCODING + ":Integer=7")
public class TightEncoderFactory implements EncoderFactory {

  private final Supplier<JpegCompressor> jpeg;

  /** Picks the JPEG codec (libjpeg-turbo, else ImageIO) and logs which. */
  @Activate
  public TightEncoderFactory() {
    this(JpegCompressors.preferred("Tight"));
  }

  /** A factory whose encoders use {@code jpeg}; for tests. */
  TightEncoderFactory(Supplier<JpegCompressor> jpeg) {
    this.jpeg = jpeg;
  }

  @Override
  public int encoding() {
    return Rfb.ENCODING_TIGHT;
  }

  @Override
  public Continuity continuity() {
    return Continuity.RESTARTS;
  }

  @Override
  public boolean lossy() {
    return true;
  }

  @Override
  public int maxWidth() {
    return TightWire.MAX_WIDTH;
  }

  @Override
  public int maxArea() {
    return TightWire.MAX_AREA;
  }

  @Override
  public Encoder create(EncoderContext context) {
    return new TightEncoder(false, context, jpeg);
  }
}
