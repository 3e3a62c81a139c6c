package org.plugvnc.benchmarks;

import java.util.Map;
import java.util.function.Supplier;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.encoders.internal.CorreEncoderFactory;
import org.plugvnc.encoders.internal.HextileEncoderFactory;
import org.plugvnc.encoders.internal.RawEncoderFactory;
import org.plugvnc.encoders.internal.RreEncoderFactory;
import org.plugvnc.encoders.tight.internal.TightForBenchmarks;
import org.plugvnc.encoders.zlib.internal.TrleEncoderFactory;
import org.plugvnc.encoders.zlib.internal.ZlibEncoderFactory;
import org.plugvnc.encoders.zlib.internal.ZrleEncoderFactory;

/**
 * The encoders the benchmarks measure, by name, with the settings a viewer would send: the
 * compression level TigerVNC's viewer sends by default (2) and, for the JPEG variants, its default
 * quality level (8).
 */
public final class Encoders {

  private Encoders() {}

  /** A benchmarked encoder: its factory, the settings, and whether full colour goes as JPEG. */
  public record Subject(Supplier<EncoderFactory> factory, EncodingSettings settings, boolean jpeg) {}

  private static final EncodingSettings LOSSLESS = new EncodingSettings(-1, -1, null, 2, false);
  private static final EncodingSettings JPEG = new EncodingSettings(8, -1, null, 2, false);

  private static final Map<String, Subject> ALL = Map.ofEntries(
      Map.entry("Raw", new Subject(RawEncoderFactory::new, LOSSLESS, false)),
      Map.entry("RRE", new Subject(RreEncoderFactory::new, LOSSLESS, false)),
      Map.entry("CoRRE", new Subject(CorreEncoderFactory::new, LOSSLESS, false)),
      Map.entry("Hextile", new Subject(HextileEncoderFactory::new, LOSSLESS, false)),
      Map.entry("Zlib", new Subject(ZlibEncoderFactory::new, LOSSLESS, false)),
      Map.entry("ZRLE", new Subject(ZrleEncoderFactory::new, LOSSLESS, false)),
      Map.entry("TRLE", new Subject(TrleEncoderFactory::new, LOSSLESS, false)),
      Map.entry("Tight", new Subject(TightForBenchmarks::tight, LOSSLESS, false)),
      Map.entry("TightJPEG", new Subject(TightForBenchmarks::tight, JPEG, true)),
      Map.entry("TightJPEG-ImageIO", new Subject(() -> TightForBenchmarks.tight("ImageIO"), JPEG, true)),
      Map.entry("TightJPEG-turbo",
          new Subject(() -> TightForBenchmarks.tight("libjpeg-turbo"), JPEG, true)),
      Map.entry("TightPNG", new Subject(TightForBenchmarks::tightPng, LOSSLESS, false)));

  /** The subject called {@code name}. */
  public static Subject named(String name) {
    Subject s = ALL.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no encoder " + name + "; known: " + ALL.keySet());
    }
    return s;
  }
}
