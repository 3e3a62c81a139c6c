package org.plugvnc.encoders.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.encoders.internal.Golden.B;
import static org.plugvnc.encoders.internal.Golden.G;
import static org.plugvnc.encoders.internal.Golden.R;
import static org.plugvnc.encoders.internal.Golden.W;
import static org.plugvnc.encoders.internal.Golden.bytes;

import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.RectContent;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.Corpus;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.TestRequests;

/**
 * Golden bytes for RRE (RFC 6143 7.7.3) and CoRRE (rfbproto): U32 number-of-subrectangles, the
 * background pixel, then per subrectangle its pixel and x, y, width, height (U16 for RRE, U8 for
 * CoRRE).
 */
class RreEncoderTest {

  /** A red 2x2 block and a blue pixel on white. */
  private static final int[] BLOCKS = Golden.picture(
      "WRRW",
      "WRRW",
      "WWWB");

  @Test
  void rreWritesU16Fields() {
    assertArrayEquals(bytes().u32(2).be(W)
        .be(R).u16(1).u16(0).u16(2).u16(2)
        .be(B).u16(3).u16(2).u16(1).u16(1).build(),
        Golden.encode(RreEncoder.rre(), BLOCKS, 4, Formats.RGB888_BE));
  }

  @Test
  void correWritesU8Fields() {
    assertArrayEquals(bytes().u32(2).be(W)
        .be(R).u8(1, 0, 2, 2)
        .be(B).u8(3, 2, 1, 1).build(),
        Golden.encode(RreEncoder.corre(), BLOCKS, 4, Formats.RGB888_BE));
  }

  /** RGB565 little-endian: white 0xFFFF, red 0xF800, blue 0x001F, low byte first. */
  @Test
  void sixteenBitPixelsInTheViewersByteOrder() {
    assertArrayEquals(bytes().u32(2).u8(0xFF, 0xFF)
        .u8(0x00, 0xF8).u16(1).u16(0).u16(2).u16(2)
        .u8(0x1F, 0x00).u16(3).u16(2).u16(1).u16(1).build(),
        Golden.encode(RreEncoder.rre(), BLOCKS, 4, Formats.RGB565_LE));
  }

  /** The background is the most common colour (red, 5 of 9), not the first one met (white). */
  @Test
  void backgroundIsTheMostCommonColour() {
    int[] picture = Golden.picture(
        "WRR",
        "RRW",
        "WRW");
    assertArrayEquals(bytes().u32(3).le(R)
        .le(W).u16(0).u16(0).u16(1).u16(1)
        .le(W).u16(2).u16(1).u16(1).u16(2)
        .le(W).u16(0).u16(2).u16(1).u16(1).build(),
        Golden.encode(RreEncoder.rre(), picture, 3, Formats.RGB888_LE));
  }

  /** A run grows into a rectangle only where the whole run's width continues below. */
  @Test
  void runsGrowDownOnlyOverTheirWholeWidth() {
    int[] picture = Golden.picture(
        "RRRWW",
        "RRWWW",
        "RRWWW");
    assertArrayEquals(bytes().u32(2).le(W)
        .le(R).u8(0, 0, 3, 1)
        .le(R).u8(0, 1, 2, 2).build(),
        Golden.encode(RreEncoder.corre(), picture, 5, Formats.RGB888_LE));
  }

  @Test
  void uniformRectangleHasNoSubrectangles() {
    int[] picture = Golden.picture("GGG", "GGG");
    assertArrayEquals(bytes().u32(0).be(G).build(),
        Golden.encode(RreEncoder.rre(), picture, 3, Formats.RGB888_BE));
  }

  /** Colours a 16-bit viewer cannot tell apart share one value, so they need no subrectangle. */
  @Test
  void coloursEqualOnTheWireNeedNoSubrectangles() {
    int[] picture = {0xFF0000, 0xFE0000, 0xFF0101, 0xFF0000};
    byte[] payload = Golden.encode(RreEncoder.rre(), picture, 4, Formats.RGB565_BE);
    assertArrayEquals(bytes().u32(0).u8(0xF8, 0x00).build(), payload);
  }

  /** The selector's SOLID finding is trusted: its colour is the background, no pixel is read. */
  @Test
  void solidContentNeedsNoPixels() {
    RectContent solid = new RectContent(ContentClass.SOLID, new int[] {G}, 3, false);
    EncodeRequest request = EncodeRequest.pixels(new Rect(10, 10, 300, 200), new int[0], 0, 0,
        Formats.writer(Formats.RGB888_BE), solid);
    assertArrayEquals(bytes().u32(0).be(G).build(), Golden.encode(RreEncoder.rre(), request));
    assertArrayEquals(bytes().u32(0).be(G).build(), Golden.encode(RreEncoder.corre(),
        EncodeRequest.pixels(new Rect(0, 0, 255, 255), new int[0], 0, 0,
            Formats.writer(Formats.RGB888_BE), solid)));
  }

  @Test
  void correRefusesRectanglesBeyond255() {
    int[] picture = new int[256 * 2];
    assertThrows(IllegalArgumentException.class, () -> Golden.encode(RreEncoder.corre(),
        picture, 256, Formats.RGB888_LE));
    assertThrows(IllegalArgumentException.class, () -> Golden.encode(RreEncoder.corre(),
        new int[256], 1, Formats.RGB888_LE));
  }

  /** Noise needs about a subrectangle per pixel, and still decodes exactly. */
  @Test
  void noiseDecodesExactly() {
    int[] noise = Corpus.NOISE.pixels(255, 255, 9);
    CapturingOutput out = new CapturingOutput();
    RreEncoder encoder = RreEncoder.corre();
    encoder.encode(TestRequests.plain(new Rect(0, 0, 255, 255), noise, 255,
        Formats.writer(Formats.RGB888_LE)), out);
    byte[] payload = out.bytes();
    assertTrue(SpecRreDecoder.subrectangles(payload) > 255 * 255 * 9 / 10);
    assertArrayEquals(noise, SpecCorreDecoder.decode(payload, 255, 255, Formats.RGB888_LE, null));
  }

  /** One encoder serves rectangles one after another; nothing of one leaks into the next. */
  @Test
  void encoderIsReusable() {
    RreEncoder encoder = RreEncoder.rre();
    byte[] first = Golden.encode(encoder, BLOCKS, 4, Formats.RGB888_BE);
    Golden.encode(encoder, Corpus.FLAT_UI.pixels(120, 90, 2), 120, Formats.RGB888_BE);
    assertArrayEquals(first, Golden.encode(encoder, BLOCKS, 4, Formats.RGB888_BE));
    assertEquals(first.length, Golden.encode(RreEncoder.rre(), BLOCKS, 4, Formats.RGB888_BE)
        .length);
  }
}
