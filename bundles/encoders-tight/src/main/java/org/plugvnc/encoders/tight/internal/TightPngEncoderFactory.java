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
 * TightPNG encoding (-260, rfbproto "Tight PNG Encoding"): "a variant of the Tight encoding that
 * disallows the BasicCompression type and replaces it with a new PngCompression type", for viewers
 * (noVNC) that decode PNG natively but zlib slowly. Rectangles are fills, JPEG, or PNG images.
 *
 * <p>Continuity: {@link Continuity#STATELESS}. Fill, JPEG and PNG rectangles each stand alone; no
 * zlib stream is ever used, so a new encoder owes the viewer nothing. Limits as Tight's, since
 * TightPNG is "identical to the Tight encoding" otherwise.
 */
@Component(service = EncoderFactory.class,
    property = EncoderFactory.PROPERTY_ENCODING + ":Integer=-260")
public class TightPngEncoderFactory extends TightFamilyFactory {

  private final Supplier<JpegCompressor> jpeg;

  /** Picks the JPEG codec (libjpeg-turbo, else ImageIO) and logs which. */
  @Activate
  public TightPngEncoderFactory() {
    this(JpegCompressors.preferred("TightPNG"));
  }

  /** A factory whose encoders use {@code jpeg}; for tests. */
  TightPngEncoderFactory(Supplier<JpegCompressor> jpeg) {
    this.jpeg = jpeg;
  }

  @Override
  public int encoding() {
    return Rfb.ENCODING_TIGHT_PNG;
  }

  @Override
  public Continuity continuity() {
    return Continuity.STATELESS;
  }

  @Override
  public Encoder create(EncoderContext context) {
    return new TightEncoder(true, context, jpeg, false);
  }
}
