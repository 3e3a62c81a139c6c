package org.plugvnc.encoders.zlib.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.plugvnc.encoders.zlib.internal.Pictures.bytes;
import static org.plugvnc.encoders.zlib.internal.Pictures.concat;
import static org.plugvnc.encoders.zlib.internal.Pictures.drawn;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.CapturingOutput;
import org.plugvnc.testsupport.Formats;
import org.plugvnc.testsupport.TestEncoderContext;
import org.plugvnc.testsupport.TestRequests;

/**
 * Every ZRLE tile subencoding, bytes written out by hand from RFC 6143 7.7.6 and compared with
 * the encoder's zlib data inflated. In RGB888 little-endian a CPIXEL is the pixel's three low
 * bytes, blue first: A = 0x112233 is 33 22 11. In BGR233 a CPIXEL is the one-byte pixel.
 */
class ZrleTileGoldenTest {

  static final int A = 0x112233;
  static final int B = 0x445566;
  static final int C = 0x778899;
  static final int D = 0xAABBCC;
  static final Map<Character, Integer> ABCD = Map.of('A', A, 'B', B, 'C', C, 'D', D);
  static final byte[] CA = bytes(0x33, 0x22, 0x11);
  static final byte[] CB = bytes(0x66, 0x55, 0x44);
  static final byte[] CC = bytes(0x99, 0x88, 0x77);
  static final byte[] CD = bytes(0xCC, 0xBB, 0xAA);

  /** BGR233 colours whose pixel values are exact: 00, 07, 38, C0, FF. */
  static final Map<Character, Integer> BGR233 = Map.of('K', 0x000000, 'R', 0xFF0000,
      'G', 0x00FF00, 'U', 0x0000FF, 'W', 0xFFFFFF);

  /** The tile bytes the encoder writes for the whole picture, inflated. */
  static byte[] tileData(int[] px, int width, PixelFormat format) {
    return tileData(new ZrleEncoder(new TestEncoderContext()), px, width, format);
  }

  static byte[] tileData(ZrleEncoder encoder, int[] px, int width, PixelFormat format) {
    WireReader in = new WireReader(Pictures.encode(encoder, px, width, format));
    byte[] zlibData = in.bytes(in.u32());
    in.expectEnd();
    return new ViewerInflater().inflate(zlibData);
  }

  @Test
  void oneColourIsSolid() {
    int[] px = Pictures.filled(3, 2, A);
    assertArrayEquals(concat(bytes(1), CA), tileData(px, 3, Formats.RGB888_LE));
  }

  @Test
  void fourDistinctPixelsAreRaw() {
    int[] px = drawn(ABCD, "AB", "CD");
    assertArrayEquals(concat(bytes(0), CA, CB, CC, CD), tileData(px, 2, Formats.RGB888_LE));
  }

  @Test
  void twoColoursPackOneBitEachWithRowsPadded() {
    int[] px = drawn(ABCD, "ABABABABAB", "BBBBBBBBBB");
    byte[] expected = concat(bytes(2), CA, CB, bytes(0b01010101, 0b01000000, 0xFF, 0b11000000));
    assertArrayEquals(expected, tileData(px, 10, Formats.RGB888_LE));
  }

  @Test
  void threeColoursPackTwoBitsEach() {
    int[] px = drawn(ABCD, "ABCAB");
    byte[] expected = concat(bytes(3), CA, CB, CC, bytes(0b00011000, 0b01000000));
    assertArrayEquals(expected, tileData(px, 5, Formats.RGB888_LE));
  }

  @Test
  void fiveColoursPackFourBitsEach() {
    int[] px = drawn(BGR233, "KRGUWKRG", "UWKRGUWK");
    byte[] expected = bytes(5, 0x00, 0x07, 0x38, 0xC0, 0xFF,
        0x01, 0x23, 0x40, 0x12, 0x34, 0x01, 0x23, 0x40);
    assertArrayEquals(expected, tileData(px, 8, Formats.BGR233));
  }

  @Test
  void fewLongRunsArePlainRle() {
    int[] px = drawn(BGR233, "KKKKKKKK", "RRRRRRRR", "GGGGGGGG", "UUUUUUUU");
    byte[] expected = bytes(128, 0x00, 7, 0x07, 7, 0x38, 7, 0xC0, 7);
    assertArrayEquals(expected, tileData(px, 8, Formats.BGR233));
  }

  @Test
  void runLengthsAboveTwoHundredFiftyFiveTakeMoreBytes() {
    // 600 black then 40 red: 599 = 255 + 255 + 89.
    int[] px = Pictures.filled(64, 10, 0x000000);
    Arrays.fill(px, 600, 640, 0xFF0000);
    assertArrayEquals(bytes(128, 0x00, 255, 255, 89, 0x07, 39), tileData(px, 64, Formats.BGR233));
    // 256 black then 64 red: 255 = 255 + 0.
    int[] exact = Pictures.filled(64, 5, 0x000000);
    Arrays.fill(exact, 256, 320, 0xFF0000);
    assertArrayEquals(bytes(128, 0x00, 255, 0, 0x07, 63), tileData(exact, 64, Formats.BGR233));
  }

  @Test
  void repeatedRunsOfFewColoursArePaletteRle() {
    String row = "A".repeat(31) + "C" + "B".repeat(32);
    int[] px = drawn(ABCD, row, row);
    byte[] runs = bytes(0x80, 30, 0x01, 0x82, 31);
    byte[] expected = concat(bytes(128 + 3), CA, CC, CB, runs, runs);
    assertArrayEquals(expected, tileData(px, 64, Formats.RGB888_LE));
  }

  @Test
  void paletteRleTakesUpToOneHundredTwentySevenColours() {
    // 40x3: 20 colours, each in three runs of two (one per row): too many colours for packing,
    // too repetitive for plain RLE.
    int[] px = new int[120];
    ByteArrayOutputStream palette = new ByteArrayOutputStream();
    ByteArrayOutputStream runs = new ByteArrayOutputStream();
    for (int i = 0; i < 120; i++) {
      px[i] = 0x010101 * ((i / 2) % 20 + 1);
    }
    for (int c = 1; c <= 20; c++) {
      palette.writeBytes(bytes(c, c, c));
    }
    for (int r = 0; r < 60; r++) {
      runs.writeBytes(bytes(0x80 | r % 20, 1));
    }
    byte[] expected = concat(bytes(128 + 20), palette.toByteArray(), runs.toByteArray());
    assertArrayEquals(expected, tileData(px, 40, Formats.RGB888_LE));
  }

  @Test
  void tilesAre64SquareLeftToRightTopToBottomSmallerAtTheEdges() {
    int[] px = new int[65 * 65];
    for (int y = 0; y < 65; y++) {
      for (int x = 0; x < 65; x++) {
        px[y * 65 + x] = x < 64 ? (y < 64 ? A : C) : (y < 64 ? B : D);
      }
    }
    byte[] expected = concat(bytes(1), CA, bytes(1), CB, bytes(1), CC, bytes(1), CD);
    assertArrayEquals(expected, tileData(px, 65, Formats.RGB888_LE));
  }

  @Test
  void aRectangleTheSelectorFoundSolidIsAllSolidTiles() {
    int[] px = Pictures.filled(130, 70, A);
    ZrleEncoder encoder = new ZrleEncoder(new TestEncoderContext());
    encoder.configure(EncodingSettings.DEFAULT);
    CapturingOutput out = new CapturingOutput();
    encoder.encode(TestRequests.analysed(new Rect(0, 0, 130, 70), px, 130,
        Formats.writer(Formats.RGB888_LE), 127, false), out);
    WireReader in = new WireReader(out.bytes());
    byte[] tiles = new ViewerInflater().inflate(in.bytes(in.u32()));
    byte[] solid = concat(bytes(1), CA);
    assertArrayEquals(concat(solid, solid, solid, solid, solid, solid), tiles);
  }
}
