package org.plugvnc.encoders.zlib.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.TestEncoderContext;

/** TRLE through a viewer written from the spec, over the whole corpus in every format. */
class TrleRoundTripTest {

  static Encoder encoder() {
    Encoder encoder = new TrleEncoderFactory().create(new TestEncoderContext());
    encoder.configure(EncodingSettings.DEFAULT);
    return encoder;
  }

  @ParameterizedTest
  @EnumSource(Corpus.class)
  void everySceneRectangleAndFormatDecodesExactly(Corpus scene) {
    SpecTrleDecoder viewer = new SpecTrleDecoder();
    RoundTrip trip = new RoundTrip(encoder(), viewer::decode, 127);
    trip.scene(scene, 13);
    assertEquals(Formats.ALL.size() * 10 * 2, trip.rectangles());
  }

  @Test
  void theCorpusUsesEverySubencodingAndBothReuses() {
    SpecTrleDecoder viewer = new SpecTrleDecoder();
    Set<Integer> kinds = new TreeSet<>();
    RoundTrip trip = new RoundTrip(encoder(), (payload, w, h, format) -> {
      int[] image = viewer.decode(payload, w, h, format);
      for (int t : viewer.subencodings()) {
        kinds.add(t <= 1 || t == 127 || t == 128 || t == 129 ? t : t < 127 ? 2 : 130);
      }
      return image;
    }, 127);
    for (Corpus scene : Corpus.values()) {
      trip.scene(scene, 6);
    }
    assertEquals(Set.of(0, 1, 2, 127, 128, 129, 130), kinds);
  }
}
