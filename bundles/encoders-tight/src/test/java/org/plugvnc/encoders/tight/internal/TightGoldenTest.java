package org.plugvnc.encoders.tight.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.encoding.RectContent;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.TestEncoderContext;

/**
 * Tight payloads written out by hand from rfbproto for small rectangles: the compression-control
 * byte with its stream, filter and reset bits, fills, the two-colour and 8-bit palettes, the
 * 12-byte rule, compact lengths, and TurboVNC's "Tight without zlib".
 */
class TightGoldenTest {

  static final int A = 0x102030;
  static final int B = 0xA0B0C0;
  static final int C = 0x405060;
  static final int D = 0x708090;

  private final TestEncoderContext context = new TestEncoderContext();

  @Test
  void compactLengthsTakeOneTwoOrThreeBytes() {
    assertArrayEquals(bytes(0x00), compact(0));
    assertArrayEquals(bytes(0x7F), compact(127));
    assertArrayEquals(bytes(0x80, 0x01), compact(128));
    // rfbproto's example: "decimal value 10000 should be represented as two bytes: [...] 90 4E"
    assertArrayEquals(bytes(0x90, 0x4E), compact(10000));
    assertArrayEquals(bytes(0xFF, 0x7F), compact(16383));
    assertArrayEquals(bytes(0x80, 0x80, 0x01), compact(16384));
    assertArrayEquals(bytes(0xFF, 0xFF, 0xFF), compact(4194303));
  }

  @Test
  void fillIsOneTpixelOfThreeBytesRedFirst() {
    int[] solid = filled(4 * 3, 0x123456);
    for (PixelFormat f : new PixelFormat[] {Formats.RGB888_LE, Formats.RGB888_BE,
        Formats.BGR888_BE}) {
      assertArrayEquals(bytes(0x80, 0x12, 0x34, 0x56), encode(tight(), f, solid, 4, 3, null));
    }
  }

  @Test
  void fillInOtherFormatsIsAPixelValue() {
    int[] solid = filled(4 * 3, 0x123456);
    // RGB565: r = (0x12*31+127)/255 = 2, g = (0x34*63+127)/255 = 13, b = (0x56*31+127)/255 = 10
    assertArrayEquals(bytes(0x80, 0xAA, 0x11),
        encode(tight(), Formats.RGB565_LE, solid, 4, 3, null));
    assertArrayEquals(bytes(0x80, 0x11, 0xAA),
        encode(tight(), Formats.RGB565_BE, solid, 4, 3, null));
    // Colour map: 0xFF0000 is entry 2.
    assertArrayEquals(bytes(0x80, 0x02),
        encode(tight(), Formats.COLOUR_MAP_8, filled(6, 0xFF0000), 3, 2, null));
  }

  @Test
  void twoColoursAre1BitRowsPaddedToBytes() {
    int[] px = {A, B, A, B, B, A};
    // stream 1 with read-filter-id: (1 | 4) << 4; PaletteFilter; 2 colours; rows 010, 110 padded.
    assertArrayEquals(bytes(0x50, 0x01, 0x01, 0x10, 0x20, 0x30, 0xA0, 0xB0, 0xC0, 0x40, 0xC0),
        encode(tight(), Formats.RGB888_LE, px, 3, 2, null));
  }

  @Test
  void threeColoursAre8BitIndexesWhenTheSelectorSaysIndexed() {
    int[] px = {A, B, C, A};
    RectContent indexed = new RectContent(ContentClass.INDEXED, new int[] {A, B, C}, 4, false);
    // stream 2 with read-filter-id: (2 | 4) << 4; PaletteFilter; 3 colours; indexes 0 1 2 0.
    assertArrayEquals(bytes(0x60, 0x01, 0x02, 0x10, 0x20, 0x30, 0xA0, 0xB0, 0xC0, 0x40, 0x50, 0x60,
        0x00, 0x01, 0x02, 0x00), encode(tight(), Formats.RGB888_LE, px, 2, 2, indexed));
  }

  @Test
  void fewerThan12BytesGoOutRawWithTheCopyFilter() {
    // Three colours in three pixels: a palette would be bigger than the 9 bytes of TPIXELs.
    assertArrayEquals(bytes(0x00, 0x10, 0x20, 0x30, 0xA0, 0xB0, 0xC0, 0x40, 0x50, 0x60),
        encode(tight(), Formats.RGB888_LE, new int[] {A, B, C}, 3, 1, null));
  }

  @Test
  void twelveBytesAreZlibbedWithACompactLengthAndTheFirstUseResetsTheStream() throws Exception {
    Encoder encoder = tight();
    int[] px = {A, B, C, D};
    byte[] tpixels = bytes(0x10, 0x20, 0x30, 0xA0, 0xB0, 0xC0, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90);
    Inflater viewer = new Inflater();
    byte[] first = encode(encoder, Formats.RGB888_LE, px, 2, 2, null);
    assertEquals(0x01, first[0], "stream 0, reset bit 0 on first use");
    assertArrayEquals(tpixels, inflateAfterCompactLength(first, 1, viewer));
    byte[] second = encode(encoder, Formats.RGB888_LE, px, 2, 2, null);
    assertEquals(0x00, second[0], "stream 0 continues: no reset");
    assertArrayEquals(tpixels, inflateAfterCompactLength(second, 1, viewer));
  }

  @Test
  void eachStreamIsResetOnItsFirstUse() throws Exception {
    Encoder encoder = new TightEncoderFactory(ImageIoJpegCompressor::new, true).create(context);
    int[] mono = new int[8 * 12];
    for (int i = 0; i < mono.length; i++) {
      mono[i] = i % 3 == 0 ? A : B;
    }
    assertEquals(0x52, encode(encoder, Formats.RGB888_LE, mono, 8, 12, null)[0] & 0xFF,
        "mono: stream 1, filter, reset bit 1");
    assertEquals(0x50, encode(encoder, Formats.RGB888_LE, mono, 8, 12, null)[0] & 0xFF);
    int[] indexed = new int[8 * 12];
    for (int i = 0; i < indexed.length; i++) {
      indexed[i] = i % 3 == 0 ? A : i % 3 == 1 ? B : C;
    }
    assertEquals(0x64, encode(encoder, Formats.RGB888_LE, indexed, 8, 12, null)[0] & 0xFF,
        "indexed: stream 2, filter, reset bit 2");
    assertEquals(0x60, encode(encoder, Formats.RGB888_LE, indexed, 8, 12, null)[0] & 0xFF);
    byte[] gradient = encode(encoder, Formats.RGB888_LE, new int[] {A, 0x203040, C, D}, 2, 2, null);
    assertEquals(0x78, gradient[0] & 0xFF, "gradient: stream 3, filter, reset bit 3");
    assertEquals(0x02, gradient[1], "GradientFilter");
    // D = V - (left + up - upLeft): (0,0) 10 20 30; (1,0) 10 10 10; (0,1) 30 30 30;
    // (1,1) 70 80 90 - (40 50 60 + 20 30 40 - 10 20 30) = 20 20 20.
    assertArrayEquals(bytes(0x10, 0x20, 0x30, 0x10, 0x10, 0x10, 0x30, 0x30, 0x30, 0x20, 0x20, 0x20),
        inflateAfterCompactLength(gradient, 2, new Inflater()));
  }

  @Test
  void tightWithoutZlibOnlyAtLevel0ForAViewerThatListedIt() throws Exception {
    int[] px = {A, B, C, D};
    byte[] raw = bytes(0x10, 0x20, 0x30, 0xA0, 0xB0, 0xC0, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90);
    byte[] noZlib = encode(tight(new EncodingSettings(-1, -1, null, 0, true)),
        Formats.RGB888_LE, px, 2, 2, null);
    assertArrayEquals(concat(bytes(0xA0, 0x0C), raw), noZlib);

    int[] mono = filled(8 * 12, A);
    mono[5] = B;
    byte[] monoNoZlib = encode(tight(new EncodingSettings(-1, -1, null, 0, true)),
        Formats.RGB888_LE, mono, 8, 12, null);
    assertArrayEquals(bytes(0xE0, 0x01, 0x01, 0x10, 0x20, 0x30, 0xA0, 0xB0, 0xC0, 0x0C, 0x04),
        Arrays.copyOf(monoNoZlib, 11));
    assertEquals(11 + 11, monoNoZlib.length, "then the 11 remaining zero rows");

    byte[] level0 = encode(tight(new EncodingSettings(-1, -1, null, 0, false)),
        Formats.RGB888_LE, px, 2, 2, null);
    assertEquals(0x01, level0[0], "zlib at level 0 (stored) for a viewer without -317");
    assertArrayEquals(raw, inflateAfterCompactLength(level0, 1, new Inflater()));
    byte[] level1 = encode(tight(new EncodingSettings(-1, -1, null, 1, true)),
        Formats.RGB888_LE, px, 2, 2, null);
    assertEquals(0x01, level1[0], "zlib at level 1 even for a -317 viewer");
  }

  @Test
  void tightPngSendsFillsAndPngImages() {
    Encoder png = new TightPngEncoderFactory(ImageIoJpegCompressor::new).create(context);
    assertArrayEquals(bytes(0x80, 0x12, 0x34, 0x56),
        encode(png, Formats.RGB888_LE, filled(4, 0x123456), 2, 2, null));
    byte[] image = encode(png, Formats.RGB888_LE, new int[] {A, B, C, D}, 2, 2, null);
    assertEquals(0xA0, image[0] & 0xFF, "PngCompression, no reset bits");
    int start = afterCompactLength(image, 1);
    assertArrayEquals(bytes(0x89, 'P', 'N', 'G'), Arrays.copyOfRange(image, start, start + 4));
  }

  @Test
  void jpegHasItsControlByteAndAJfifStream() {
    Encoder encoder = tight(new EncodingSettings(8, -1, null, -1, false));
    int[] px = new int[16 * 16];
    for (int i = 0; i < px.length; i++) {
      px[i] = (i * 7919) & 0xFFFFFF;
    }
    byte[] unasked = encode(encoder, Formats.RGB888_LE, px, 16, 16, null);
    assertEquals(0x00, unasked[0] & 0xF0, "not asked to be lossy: basic compression, stream 0");
    byte[] jpeg = encode(encoder, Formats.RGB888_LE, px, 16, 16,
        new RectContent(ContentClass.FULL_COLOUR, new int[0], 256, true));
    assertEquals(0x90, jpeg[0] & 0xFF, "JpegCompression, no reset bits");
    int start = afterCompactLength(jpeg, 1);
    assertArrayEquals(bytes(0xFF, 0xD8), Arrays.copyOfRange(jpeg, start, start + 2), "SOI");
    assertArrayEquals(bytes(0xFF, 0xD9), Arrays.copyOfRange(jpeg, jpeg.length - 2, jpeg.length));
  }

  private Encoder tight() {
    return tight(EncodingSettings.DEFAULT);
  }

  private Encoder tight(EncodingSettings settings) {
    Encoder e = new TightEncoderFactory(ImageIoJpegCompressor::new, false).create(context);
    e.configure(settings);
    return e;
  }

  static byte[] encode(Encoder encoder, PixelFormat format, int[] px, int width, int height,
      RectContent content) {
    CapturingOutput out = new CapturingOutput();
    encoder.encode(EncodeRequest.pixels(new Rect(0, 0, width, height), px, 0, width,
        Formats.writer(format), content), out);
    return out.bytes();
  }

  /**
   * Reads the compact length at {@code at}, checks that it covers the rest of {@code payload}, and
   * returns where the data starts.
   */
  static int afterCompactLength(byte[] payload, int at) {
    int length = payload[at] & 0x7F;
    int start = at + 1;
    if ((payload[at] & 0x80) != 0) {
      length |= (payload[at + 1] & 0x7F) << 7;
      start++;
      if ((payload[at + 1] & 0x80) != 0) {
        length |= (payload[at + 2] & 0xFF) << 14;
        start++;
      }
    }
    assertEquals(payload.length - start, length, "compact length");
    return start;
  }

  /** Inflates what follows a compact length at {@code at} to the end of {@code payload}. */
  static byte[] inflateAfterCompactLength(byte[] payload, int at, Inflater inflater)
      throws DataFormatException {
    int start = afterCompactLength(payload, at);
    int length = payload.length - start;
    inflater.setInput(payload, start, length);
    byte[] out = new byte[4096];
    int n = inflater.inflate(out);
    assertEquals(0, inflater.getRemaining(), "whole zlib data consumed");
    return Arrays.copyOf(out, n);
  }

  static byte[] compact(int value) {
    CapturingOutput out = new CapturingOutput();
    TightWire.writeCompactLength(value, out);
    return out.bytes();
  }

  static int[] filled(int n, int colour) {
    int[] px = new int[n];
    Arrays.fill(px, colour);
    return px;
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
