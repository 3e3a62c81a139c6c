package org.plugvnc.encoders.internal;

import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.SpecPixelWriter;

import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.ArrayFramebuffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.pixel.Rect;

/**
 * Large rectangles are read in bounded bands: the buffer handed to the framebuffer never holds the
 * whole rectangle (unless it is a single row), and the bands together cover it exactly, in order.
 */
class RawEncoderBandTest {

  private static void assertBandedAndCorrect(ArrayFramebuffer fb, Rect rect) {
    int[] decoded = RawEncoderRoundTripTest.encodeAndDecode(
        fb, rect, new SpecPixelWriter(Formats.RGB888_BE), null);
    for (int y = 0; y < rect.height(); y++) {
      for (int x = 0; x < rect.width(); x++) {
        assertEquals(fb.at(rect.x() + x, rect.y() + y), decoded[y * rect.width() + x]);
      }
    }
    int bound = Math.max(rect.width(), RawEncoder.BAND_PIXELS);
    assertTrue(fb.largestBuffer() <= bound, "buffer of " + fb.largestBuffer() + " pixels");
    int nextRow = rect.y();
    for (Rect band : fb.reads()) {
      assertEquals(rect.x(), band.x());
      assertEquals(rect.width(), band.width());
      assertEquals(nextRow, band.y());
      nextRow = band.bottom();
    }
    assertEquals(rect.bottom(), nextRow);
  }

  @Test
  void wideRowIsReadAsOneRow() {
    ArrayFramebuffer fb = new ArrayFramebuffer(10000, 1).fillWithPattern();
    assertBandedAndCorrect(fb, new Rect(0, 0, 10000, 1));
    assertEquals(1, fb.reads().size());
  }

  @Test
  void tallColumnIsReadInBands() {
    ArrayFramebuffer fb = new ArrayFramebuffer(1, 10000).fillWithPattern();
    Rect rect = new Rect(0, 0, 1, 10000);
    assertBandedAndCorrect(fb, rect);
    assertTrue(fb.largestBuffer() < rect.area(), "buffer of " + fb.largestBuffer() + " pixels");
    assertEquals(3, fb.reads().size());
  }

  @Test
  void squareIsReadInBandsOfWholeRows() {
    ArrayFramebuffer fb = new ArrayFramebuffer(320, 240).fillWithPattern();
    Rect rect = new Rect(10, 5, 300, 230);
    assertBandedAndCorrect(fb, rect);
    assertTrue(fb.largestBuffer() < rect.area(), "buffer of " + fb.largestBuffer() + " pixels");
  }

  @Test
  void bufferIsReusedAcrossRectangles() {
    ArrayFramebuffer fb = new ArrayFramebuffer(64, 64).fillWithPattern();
    RawEncoder encoder = new RawEncoder();
    int[][] seen = new int[2][];
    var recording = new org.plugvnc.api.capture.Framebuffer() {
      int calls;

      @Override
      public int width() {
        return fb.width();
      }

      @Override
      public int height() {
        return fb.height();
      }

      @Override
      public void read(Rect area, int[] dst, int offset, int stride) {
        seen[Math.min(calls++, 1)] = dst;
        fb.read(area, dst, offset, stride);
      }
    };
    SpecPixelWriter writer = new SpecPixelWriter(Formats.RGB888_LE);
    encoder.encode(new EncodeRequest(new Rect(0, 0, 32, 32), recording, writer, null),
        new CapturingOutput());
    encoder.encode(new EncodeRequest(new Rect(8, 8, 16, 16), recording, writer, null),
        new CapturingOutput());
    assertEquals(2, recording.calls);
    assertTrue(seen[0] == seen[1], "a second, smaller rectangle reuses the band buffer");
  }
}
