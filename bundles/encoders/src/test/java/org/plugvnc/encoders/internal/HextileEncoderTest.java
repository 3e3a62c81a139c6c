package org.plugvnc.encoders.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.plugvnc.encoders.internal.Golden.B;
import static org.plugvnc.encoders.internal.Golden.G;
import static org.plugvnc.encoders.internal.Golden.K;
import static org.plugvnc.encoders.internal.Golden.R;
import static org.plugvnc.encoders.internal.Golden.W;
import static org.plugvnc.encoders.internal.Golden.bytes;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.RectContent;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.testsupport.Formats;

/**
 * Golden bytes for Hextile (RFC 6143 7.7.4): each subencoding, the choice between them, and the
 * carry-over of background and foreground between tiles. Masks: Raw 1, BackgroundSpecified 2,
 * ForegroundSpecified 4, AnySubrects 8, SubrectsColoured 16. Subrectangles are x << 4 | y, then
 * (width - 1) << 4 | (height - 1). Pixels are RGB888 little-endian unless said otherwise.
 */
class HextileEncoderTest {

  /** A {@code width x height} picture of one colour. */
  private static int[] plain(int width, int height, int colour) {
    int[] picture = new int[width * height];
    Arrays.fill(picture, colour);
    return picture;
  }

  /** Sets {@code colour} at (x, y) of a {@code width}-wide picture; returns the picture. */
  private static int[] with(int[] picture, int width, int x, int y, int colour) {
    picture[y * width + x] = colour;
    return picture;
  }

  private static byte[] encode(int[] picture, int width) {
    return Golden.encode(new HextileEncoder(), picture, width, Formats.RGB888_LE);
  }

  /** 17 x 17: tiles 16x16, 1x16, 16x1, 1x1; only the first specifies the background. */
  @Test
  void solidTilesSpecifyTheBackgroundOnce() {
    assertArrayEquals(bytes().u8(2).le(R).u8(0).u8(0).u8(0).build(),
        encode(plain(17, 17, R), 17));
  }

  @Test
  void aNewBackgroundIsSpecified() {
    int[] picture = plain(32, 1, R);
    Arrays.fill(picture, 16, 32, G);
    assertArrayEquals(bytes().u8(2).le(R).u8(2).le(G).build(), encode(picture, 32));
  }

  @Test
  void twoColoursAreForegroundAndPlainSubrects() {
    int[] picture = Golden.picture(
        "WWWW",
        "WKKW",
        "WKKW",
        "WWWW");
    assertArrayEquals(bytes().u8(2 | 4 | 8).le(W).le(K).u8(1).u8(0x11, 0x11).build(),
        encode(picture, 4));
  }

  /** The second tile has the same background and foreground: neither is sent again. */
  @Test
  void backgroundAndForegroundCarryOver() {
    int[] picture = plain(32, 4, W);
    with(with(picture, 32, 1, 1, K), 32, 2, 1, K);
    with(with(picture, 32, 17, 2, K), 32, 18, 2, K);
    assertArrayEquals(bytes()
        .u8(2 | 4 | 8).le(W).le(K).u8(1).u8(0x11, 0x10)
        .u8(8).u8(1).u8(0x12, 0x10).build(), encode(picture, 32));
  }

  @Test
  void moreColoursAreColouredSubrects() {
    int[] picture = Golden.picture(
        "RWWW",
        "WWWB");
    assertArrayEquals(bytes().u8(2 | 8 | 16).le(W).u8(2)
        .le(R).u8(0x00, 0x00)
        .le(B).u8(0x31, 0x00).build(), encode(picture, 4));
  }

  /** Four colours in 2 x 2: coloured subrects would take 24 bytes, raw takes 17. */
  @Test
  void busyTileIsRaw() {
    int[] picture = Golden.picture(
        "RG",
        "BW");
    assertArrayEquals(bytes().u8(1).le(R).le(G).le(B).le(W).build(), encode(picture, 2));
  }

  /**
   * Two colours in a checkerboard at 8 bits per pixel: 8 plain subrects would take 20 bytes, raw
   * 17, so even a two-colour tile goes raw when that is smaller. BGR233 white is 0xFF.
   */
  @Test
  void twoColourTileIsRawWhenSmaller() {
    int[] picture = Golden.picture(
        "WKWK",
        "KWKW",
        "WKWK",
        "KWKW");
    assertArrayEquals(bytes().u8(1)
        .u8(0xFF, 0, 0xFF, 0).u8(0, 0xFF, 0, 0xFF).u8(0xFF, 0, 0xFF, 0).u8(0, 0xFF, 0, 0xFF)
        .build(), Golden.encode(new HextileEncoder(), picture, 4, Formats.BGR233));
  }

  /**
   * A Raw tile leaves background and foreground unknown: in 33 x 1 (solid red 16x1, busy 16x1,
   * red 1x1) the last tile specifies red again, which noVNC needs (it ignores a mask-0 tile right
   * after a raw one).
   */
  @Test
  void rawTileForgetsTheBackground() {
    int[] picture = plain(33, 1, R);
    for (int i = 0; i < 16; i++) {
      picture[16 + i] = new int[] {R, G, B}[i % 3];
    }
    Golden.Bytes expected = bytes().u8(2).le(R).u8(1);
    for (int i = 0; i < 16; i++) {
      expected.le(picture[16 + i]);
    }
    assertArrayEquals(expected.u8(2).le(R).build(), encode(picture, 33));
  }

  /** Mono, raw, mono with the same colours: the third tile specifies both again. */
  @Test
  void rawTileForgetsTheForeground() {
    int[] picture = plain(48, 2, W);
    with(picture, 48, 0, 0, K);
    with(picture, 48, 32, 0, K);
    for (int i = 0; i < 32; i++) {
      picture[i / 16 * 48 + 16 + i % 16] = 0x010203 * (i + 1);
    }
    Golden.Bytes expected = bytes().u8(2 | 4 | 8).le(W).le(K).u8(1).u8(0x00, 0x00).u8(1);
    for (int i = 0; i < 32; i++) {
      expected.le(0x010203 * (i + 1));
    }
    assertArrayEquals(expected.u8(2 | 4 | 8).le(W).le(K).u8(1).u8(0x00, 0x00).build(),
        encode(picture, 48));
  }

  /**
   * Mono (foreground black), coloured (black, then red last), mono (black): the third tile
   * specifies its foreground again, since TigerVNC's decoder now holds red and noVNC's black.
   */
  @Test
  void colouredTileForgetsTheForeground() {
    int[] picture = plain(48, 2, W);
    with(picture, 48, 0, 0, K);
    with(with(picture, 48, 16, 0, K), 48, 21, 0, R);
    with(picture, 48, 32, 0, K);
    assertArrayEquals(bytes()
        .u8(2 | 4 | 8).le(W).le(K).u8(1).u8(0x00, 0x00)
        .u8(8 | 16).u8(2).le(K).u8(0x00, 0x00).le(R).u8(0x50, 0x00)
        .u8(4 | 8).le(K).u8(1).u8(0x00, 0x00).build(), encode(picture, 48));
  }

  /** A solid tile specifies no foreground, so the one before it still holds after it. */
  @Test
  void solidTileKeepsTheForeground() {
    int[] picture = plain(48, 2, W);
    with(picture, 48, 0, 1, K);
    with(picture, 48, 47, 1, K);
    assertArrayEquals(bytes()
        .u8(2 | 4 | 8).le(W).le(K).u8(1).u8(0x01, 0x00)
        .u8(0)
        .u8(8).u8(1).u8(0xF1, 0x00).build(), encode(picture, 48));
  }

  /** RGB565 big-endian: white 0xFFFF, black 0x0000, most significant byte first. */
  @Test
  void sixteenBitPixels() {
    int[] picture = Golden.picture(
        "WW",
        "WK");
    assertArrayEquals(bytes().u8(2 | 4 | 8).u8(0xFF, 0xFF).u8(0, 0).u8(1).u8(0x11, 0x00).build(),
        Golden.encode(new HextileEncoder(), picture, 2, Formats.RGB565_BE));
  }

  /** Colours a 16-bit viewer cannot tell apart (all red 0xF800 there) make a solid tile. */
  @Test
  void coloursEqualOnTheWireAreOne() {
    int[] picture = {0xFF0000, 0xFE0000, 0xFF0101, 0xFF0000};
    assertArrayEquals(bytes().u8(2).u8(0xF8, 0x00).build(),
        Golden.encode(new HextileEncoder(), picture, 2, Formats.RGB565_BE));
  }

  /** Each rectangle starts afresh: its first tile specifies the background again. */
  @Test
  void everyRectangleSpecifiesItsFirstBackground() {
    HextileEncoder encoder = new HextileEncoder();
    byte[] expected = bytes().u8(2).le(R).build();
    assertArrayEquals(expected, Golden.encode(encoder, plain(3, 3, R), 3, Formats.RGB888_LE));
    assertArrayEquals(expected, Golden.encode(encoder, plain(3, 3, R), 3, Formats.RGB888_LE));
  }

  /** The selector's SOLID finding is trusted: every tile is that colour, no pixel is read. */
  @Test
  void solidContentNeedsNoPixels() {
    RectContent solid = new RectContent(ContentClass.SOLID, new int[] {G}, 2, false);
    EncodeRequest request = EncodeRequest.pixels(new Rect(5, 5, 20, 16), new int[0], 0, 0,
        Formats.writer(Formats.RGB888_BE), solid);
    assertArrayEquals(bytes().u8(2).be(G).u8(0).build(),
        Golden.encode(new HextileEncoder(), request));
  }

  @Test
  void emptyRectangleWritesNothing() {
    assertArrayEquals(new byte[0], Golden.encode(new HextileEncoder(),
        EncodeRequest.pixels(new Rect(0, 0, 0, 4), new int[0], 0, 0,
            Formats.writer(Formats.RGB888_LE), null)));
  }
}
