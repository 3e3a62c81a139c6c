package org.plugvnc.encoders.tight.internal;

import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
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
 * TigerVNC and TurboVNC send, which keeps every buffer small. Configured by
 * {@link TightConfiguration} (PID {@value #PID}); a change restarts the component, and sessions
 * carry on with new encoders.
 */
@Component(
    service = EncoderFactory.class,
    configurationPid = TightEncoderFactory.PID,
    property = EncoderFactory.PROPERTY_ENCODING + ":Integer=7")
@Designate(ocd = TightConfiguration.class)
public class TightEncoderFactory extends TightFamilyFactory {

  /** Configuration PID of the Tight encoding. */
  static final String PID = "org.plugvnc.encoders.tight";

  private final Supplier<JpegCompressor> jpeg;
  private final boolean gradientFilter;

  /** Picks the JPEG codec (libjpeg-turbo, else ImageIO) and logs which. */
  @Activate
  public TightEncoderFactory(TightConfiguration config) {
    this(JpegCompressors.preferred("Tight"), config.gradientFilter());
  }

  /** A factory whose encoders use {@code jpeg}; for tests. */
  TightEncoderFactory(Supplier<JpegCompressor> jpeg, boolean gradientFilter) {
    this.jpeg = jpeg;
    this.gradientFilter = gradientFilter;
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
  public Encoder create(EncoderContext context) {
    return new TightEncoder(false, context, jpeg, gradientFilter);
  }
}
