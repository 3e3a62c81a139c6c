package org.plugvnc.encoders.tight.internal;

import java.util.function.Supplier;
import org.plugvnc.api.encoding.EncoderFactory;

/**
 * The Tight factories as the bundle makes them, for the benchmarks, which run on a plain class
 * path without Declarative Services: the JPEG codec the bundle would choose, or a named one.
 */
public final class TightForBenchmarks {

  private TightForBenchmarks() {}

  /** Tight with the codec the bundle prefers (libjpeg-turbo where it loads) and no gradient. */
  public static EncoderFactory tight() {
    return new TightEncoderFactory(JpegCompressors.preferred("Tight"), false);
  }

  /** Tight with the named JPEG codec: "ImageIO" or "libjpeg-turbo". */
  public static EncoderFactory tight(String codec) {
    return new TightEncoderFactory(codec(codec), false);
  }

  /** TightPNG with the codec the bundle prefers. */
  public static EncoderFactory tightPng() {
    return new TightPngEncoderFactory(JpegCompressors.preferred("TightPNG"));
  }

  private static Supplier<JpegCompressor> codec(String name) {
    return switch (name) {
      case "ImageIO" -> ImageIoJpegCompressor::new;
      case "libjpeg-turbo" -> TurboJpegCompressor::new;
      default -> throw new IllegalArgumentException("no JPEG codec " + name);
    };
  }
}
