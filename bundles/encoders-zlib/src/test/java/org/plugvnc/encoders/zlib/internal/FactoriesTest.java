package org.plugvnc.encoders.zlib.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.Continuity;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.TestEncoderContext;
import org.plugvnc.testsupport.TestRequests;

/** What the three factories tell the engine, and what their encoders leave to the session. */
class FactoriesTest {

  @Test
  void encodingNumbersAndContinuity() {
    assertEquals(6, new ZlibEncoderFactory().encoding());
    assertEquals(16, new ZrleEncoderFactory().encoding());
    assertEquals(15, new TrleEncoderFactory().encoding());
    assertEquals(Continuity.CONTINUES, new ZlibEncoderFactory().continuity());
    assertEquals(Continuity.CONTINUES, new ZrleEncoderFactory().continuity());
    assertEquals(Continuity.STATELESS, new TrleEncoderFactory().continuity());
    assertFalse(new ZrleEncoderFactory().lossy());
    assertFalse(new TrleEncoderFactory().encodesCopies());
    assertInstanceOf(ZlibEncoder.class, new ZlibEncoderFactory().create(new TestEncoderContext()));
    assertInstanceOf(ZrleEncoder.class, new ZrleEncoderFactory().create(new TestEncoderContext()));
    assertInstanceOf(TrleEncoder.class, new TrleEncoderFactory().create(new TestEncoderContext()));
  }

  @Test
  void zlibEncodersUseStreamZeroAndNeverEndIt() {
    for (var factory : new EncoderFactory[] {
        new ZlibEncoderFactory(), new ZrleEncoderFactory()}) {
      TestEncoderContext context = new TestEncoderContext();
      Encoder encoder = factory.create(context);
      encoder.configure(EncodingSettings.DEFAULT);
      int[] px = Corpus.TEXT.pixels(80, 70, 1);
      Pictures.encode(encoder, px, 80, Formats.RGB888_LE);
      encoder.close();
      Deflater stream = context.deflater(0);
      long consumed = stream.getBytesRead();
      // Still open and not reset: it takes more input and counts on from where it was.
      stream.setInput(new byte[10]);
      stream.deflate(new byte[64], 0, 64, Deflater.SYNC_FLUSH);
      assertEquals(consumed + 10, stream.getBytesRead());
      for (int i = 1; i < TestEncoderContext.MAX_STREAMS; i++) {
        assertFalse(context.used(i), "stream " + i);
      }
    }
    TestEncoderContext context = new TestEncoderContext();
    new TrleEncoderFactory().create(context).encode(TestRequests.plain(new Rect(0, 0, 1, 1),
        new int[] {1}, 1, Formats.writer(Formats.RGB888_LE)), new CapturingOutput());
    assertFalse(context.used(0), "TRLE has no zlib");
  }
}
