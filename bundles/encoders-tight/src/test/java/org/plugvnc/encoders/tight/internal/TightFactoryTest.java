package org.plugvnc.encoders.tight.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.encoding.Subsampling;

/** What the factories tell the engine, and what the viewer's settings mean. */
class TightFactoryTest {

  @Test
  void tightRestartsIsLossyAndTakesRfbprotosLimits() {
    EncoderFactory f = new TightEncoderFactory(config(false));
    assertEquals(7, f.encoding());
    assertEquals(Continuity.RESTARTS, f.continuity());
    assertTrue(f.lossy());
    assertFalse(f.encodesCopies());
    assertEquals(2048, f.maxWidth());
    assertEquals(65536, f.maxArea());
  }

  @Test
  void tightPngIsStatelessAndLossyWithTheSameLimits() {
    EncoderFactory f = new TightPngEncoderFactory();
    assertEquals(-260, f.encoding());
    assertEquals(Continuity.STATELESS, f.continuity());
    assertTrue(f.lossy());
    assertEquals(2048, f.maxWidth());
    assertEquals(65536, f.maxArea());
  }

  @Test
  void levelsMapToZlibLevelsWithLevel1ForFullColourAtTheDefault() {
    TightSettings byDefault = TightSettings.of(EncodingSettings.DEFAULT, false);
    assertEquals(2, byDefault.level());
    assertEquals(1, byDefault.fullColourZlib());
    assertEquals(3, byDefault.indexedZlib());
    assertEquals(3, byDefault.monoZlib());
    assertFalse(byDefault.jpegAllowed());
    TightSettings best = TightSettings.of(new EncodingSettings(-1, -1, null, 9, false), true);
    assertEquals(9, best.fullColourZlib());
    assertTrue(best.gradient());
    assertFalse(TightSettings.of(new EncodingSettings(-1, -1, null, 0, false), true).gradient(),
        "nothing to gain from filtering what is not compressed");
    assertFalse(TightSettings.of(new EncodingSettings(-1, -1, null, 1, true), false).withoutZlib());
    assertTrue(TightSettings.of(new EncodingSettings(-1, -1, null, 0, true), false).withoutZlib());
  }

  @Test
  void jpegQualityAndSubsamplingComeFromTheViewer() {
    TightSettings level8 = TightSettings.of(new EncodingSettings(8, -1, null, -1, false), false);
    assertTrue(level8.jpegAllowed());
    assertEquals(92, level8.jpegQuality());
    assertEquals(Subsampling.NONE, level8.subsampling());
    TightSettings fine = TightSettings.of(
        new EncodingSettings(2, 55, Subsampling.SIXTEEN_X, -1, false), false);
    assertEquals(55, fine.jpegQuality());
    assertEquals(Subsampling.FOUR_X, fine.subsampling(), "16X is taken as 4X");
  }

  private static TightConfiguration config(boolean gradient) {
    return new TightConfiguration() {
      @Override
      public boolean gradientFilter() {
        return gradient;
      }

      @Override
      public Class<? extends Annotation> annotationType() {
        return TightConfiguration.class;
      }
    };
  }
}
