package org.plugvnc.encoders.tight.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.plugvnc.api.encoding.Subsampling;
import org.plugvnc.testsupport.Corpus;

/**
 * Both JPEG codecs, ImageIO and libjpeg-turbo over JNA (Debian's libturbojpeg0 must be installed),
 * honour quality and subsampling: the quantisation tables in the stream are libjpeg's standard
 * tables scaled for the quality, the frame's sampling factors are those of the subsampling, and the
 * picture decodes to its size with a PSNR that rises with the quality.
 */
class JpegCompressorTest {

  static final int WIDTH = 40;
  static final int HEIGHT = 24;

  static Stream<Arguments> codecs() {
    return Stream.of(
        Arguments.of("ImageIO", (Supplier<JpegCompressor>) ImageIoJpegCompressor::new),
        Arguments.of("libjpeg-turbo", (Supplier<JpegCompressor>) TurboJpegCompressor::new));
  }

  @Test
  void libjpegTurboIsPreferredWhenItLoads() {
    try (JpegCompressor c = JpegCompressors.preferred("test").get()) {
      assertEquals("libjpeg-turbo", c.name());
    }
    assertTrue(JpegCompressors.selfTest(ImageIoJpegCompressor::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void qualityScalesTheStandardTablesAsLibjpegDoes(String name, Supplier<JpegCompressor> codec) {
    int[] picture = Corpus.PHOTO.pixels(WIDTH, HEIGHT, 3);
    // Luminance table entries in zigzag order 0, 1, 2 are 16, 11, 12 (ITU-T T.81 Annex K);
    // libjpeg scales them by 5000/q for q < 50, 200 - 2q otherwise, rounding, clamped to 1..255.
    for (int quality : new int[] {10, 37, 50, 62, 90, 100}) {
      byte[] jpeg = compress(codec, picture, quality, Subsampling.NONE);
      int[] table = firstQuantisationTable(jpeg);
      int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
      int[] base = {16, 11, 12};
      for (int i = 0; i < 3; i++) {
        int expected = Math.max(1, Math.min(255, (base[i] * scale + 50) / 100));
        assertEquals(expected, table[i], name + " quality " + quality + " entry " + i);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void subsamplingSetsTheSamplingFactors(String name, Supplier<JpegCompressor> codec) {
    int[] picture = Corpus.PHOTO.pixels(WIDTH, HEIGHT, 3);
    assertArrayEq(new int[] {3, 1, 1}, frame(compress(codec, picture, 80, Subsampling.NONE)));
    assertArrayEq(new int[] {3, 2, 1}, frame(compress(codec, picture, 80, Subsampling.TWO_X)));
    assertArrayEq(new int[] {3, 2, 2}, frame(compress(codec, picture, 80, Subsampling.FOUR_X)));
    assertArrayEq(new int[] {3, 2, 2}, frame(compress(codec, picture, 80, Subsampling.EIGHT_X)));
    assertArrayEq(new int[] {3, 2, 2}, frame(compress(codec, picture, 80, Subsampling.SIXTEEN_X)));
    assertArrayEq(new int[] {1, 1, 1}, frame(compress(codec, picture, 80, Subsampling.GRAY)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void decodesToThePictureWithBetterPsnrAtHigherQuality(String name,
      Supplier<JpegCompressor> codec) throws IOException {
    int[] picture = Corpus.PHOTO.pixels(WIDTH, HEIGHT, 3);
    double low = psnr(picture, decode(compress(codec, picture, 15, Subsampling.FOUR_X)));
    double high = psnr(picture, decode(compress(codec, picture, 92, Subsampling.NONE)));
    assertTrue(high >= 30, name + ": PSNR " + high + " dB at quality 92");
    assertTrue(low < high && low > 20, name + ": PSNR " + low + " dB at quality 15");
    int[] gray = decode(compress(codec, picture, 92, Subsampling.GRAY));
    for (int i = 0; i < gray.length; i++) {
      int c = picture[i];
      int luma = (int) Math.round(0.299 * (c >> 16 & 0xFF) + 0.587 * (c >> 8 & 0xFF)
          + 0.114 * (c & 0xFF));
      assertTrue(Math.abs((gray[i] & 0xFF) - luma) <= 12, name + " gray pixel " + i);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void readsOnlyTheRectangleOfALargerPicture(String name, Supplier<JpegCompressor> codec)
      throws IOException {
    int[] picture = new int[100 * 50];
    Arrays.fill(picture, 0xFF0000);
    for (int y = 10; y < 20; y++) {
      for (int x = 30; x < 46; x++) {
        picture[y * 100 + x] = 0x0000FF;
      }
    }
    ByteSink out = new ByteSink(64);
    try (JpegCompressor c = codec.get()) {
      c.compress(picture, 10 * 100 + 30, 100, 16, 10, 95, Subsampling.NONE, out);
    }
    int[] decoded = decode(Arrays.copyOf(out.array(), out.size()));
    assertEquals(160, decoded.length);
    for (int rgb : decoded) {
      assertTrue((rgb & 0xFF) > 200 && (rgb >> 16 & 0xFF) < 40,
          name + ": 0x" + Integer.toHexString(rgb));
    }
  }

  static byte[] compress(Supplier<JpegCompressor> codec, int[] picture, int quality,
      Subsampling subsampling) {
    ByteSink out = new ByteSink(1024);
    try (JpegCompressor c = codec.get()) {
      c.compress(picture, 0, WIDTH, WIDTH, HEIGHT, quality, subsampling, out);
    }
    return Arrays.copyOf(out.array(), out.size());
  }

  static int[] decode(byte[] jpeg) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
    return SpecTightDecoder.rgbOf(image);
  }

  static double psnr(int[] a, int[] b) {
    assertEquals(a.length, b.length);
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      for (int shift = 0; shift <= 16; shift += 8) {
        int d = (a[i] >> shift & 0xFF) - (b[i] >> shift & 0xFF);
        sum += d * d;
      }
    }
    double mse = sum / (a.length * 3.0);
    return mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse);
  }

  /** The 64 entries of the first DQT table (8-bit), in the stream's zigzag order. */
  static int[] firstQuantisationTable(byte[] jpeg) {
    int at = segment(jpeg, 0xDB);
    assertEquals(0, (jpeg[at + 4] & 0xF0), "8-bit table");
    int[] table = new int[64];
    for (int i = 0; i < 64; i++) {
      table[i] = jpeg[at + 5 + i] & 0xFF;
    }
    return table;
  }

  /** Components, and the first component's horizontal and vertical sampling factors (SOF0..2). */
  static int[] frame(byte[] jpeg) {
    int at = segment(jpeg, 0xC0, 0xC1, 0xC2);
    int components = jpeg[at + 9] & 0xFF;
    int sampling = jpeg[at + 11] & 0xFF;
    return new int[] {components, sampling >> 4, sampling & 0x0F};
  }

  /** Where the first marker segment of one of {@code markers} starts (at its 0xFF). */
  static int segment(byte[] jpeg, int... markers) {
    int at = 2;
    while (at + 4 <= jpeg.length) {
      assertEquals(0xFF, jpeg[at] & 0xFF, "marker at " + at);
      int marker = jpeg[at + 1] & 0xFF;
      for (int m : markers) {
        if (marker == m) {
          return at;
        }
      }
      at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
    }
    throw new AssertionError("no marker " + Arrays.toString(markers));
  }

  static void assertArrayEq(int[] expected, int[] actual) {
    assertEquals(Arrays.toString(expected), Arrays.toString(actual));
  }
}
