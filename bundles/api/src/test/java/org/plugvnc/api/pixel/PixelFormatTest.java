package org.plugvnc.api.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 6143 7.4: which pixel formats the server can serve. */
class PixelFormatTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("RGB888", PixelFormat.RGB888),
        Arguments.of("32bpp BE BGR", new PixelFormat(32, 24, true, true, 255, 255, 255, 0, 8, 16)),
        Arguments.of("565", new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0)),
        Arguments.of("555", new PixelFormat(16, 15, true, true, 31, 31, 31, 10, 5, 0)),
        Arguments.of("BGR233", new PixelFormat(8, 8, false, true, 7, 7, 3, 0, 3, 6)),
        Arguments.of("RGB332", new PixelFormat(8, 8, false, true, 7, 7, 3, 5, 2, 0)),
        Arguments.of("10-10-10", new PixelFormat(32, 30, false, true, 1023, 1023, 1023, 20, 10, 0)),
        Arguments.of("4-4-4 odd shifts", new PixelFormat(16, 12, true, true, 15, 15, 15, 0, 8, 12)),
        Arguments.of("1-1-1", new PixelFormat(8, 3, false, true, 1, 1, 1, 0, 1, 2)),
        Arguments.of("16-bit red at the top", new PixelFormat(32, 32, false, true, 65535, 255, 255, 16, 8, 0)),
        Arguments.of("colour map 8", new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0)),
        Arguments.of("colour map depth 1", new PixelFormat(8, 1, false, false, 0, 0, 0, 0, 0, 0)),
        Arguments.of("colour map junk maxima", new PixelFormat(16, 16, false, false, 5, 6, 70000, 200, 0, 0)));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("24 bpp", new PixelFormat(24, 24, false, true, 255, 255, 255, 16, 8, 0)),
        Arguments.of("0 bpp", new PixelFormat(0, 0, false, true, 255, 255, 255, 16, 8, 0)),
        Arguments.of("12 bpp", new PixelFormat(12, 12, false, true, 15, 15, 15, 8, 4, 0)),
        Arguments.of("depth 0", new PixelFormat(32, 0, false, true, 255, 255, 255, 16, 8, 0)),
        Arguments.of("depth 0 colour map", new PixelFormat(8, 0, false, false, 0, 0, 0, 0, 0, 0)),
        Arguments.of("depth > bpp", new PixelFormat(16, 24, false, true, 31, 63, 31, 11, 5, 0)),
        Arguments.of("depth > bpp colour map", new PixelFormat(8, 9, false, false, 0, 0, 0, 0, 0, 0)),
        Arguments.of("zero red max", new PixelFormat(32, 24, false, true, 0, 255, 255, 16, 8, 0)),
        Arguments.of("zero green max", new PixelFormat(32, 24, false, true, 255, 0, 255, 16, 8, 0)),
        Arguments.of("zero blue max", new PixelFormat(32, 24, false, true, 255, 255, 0, 16, 8, 0)),
        Arguments.of("max 254", new PixelFormat(32, 24, false, true, 254, 255, 255, 16, 8, 0)),
        Arguments.of("max 100", new PixelFormat(32, 24, false, true, 255, 100, 255, 16, 8, 0)),
        Arguments.of("max 65536", new PixelFormat(32, 32, false, true, 65536, 1, 1, 0, 30, 31)),
        Arguments.of("overlapping red and green", new PixelFormat(32, 24, false, true, 255, 255, 255, 12, 8, 0)),
        Arguments.of("overlapping green and blue", new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 4, 0)),
        Arguments.of("same shift", new PixelFormat(8, 8, false, true, 7, 7, 3, 0, 0, 6)),
        Arguments.of("red beyond 16 bits", new PixelFormat(16, 16, false, true, 31, 63, 31, 12, 5, 0)),
        Arguments.of("blue beyond 8 bits", new PixelFormat(8, 8, false, true, 7, 7, 3, 0, 3, 7)),
        Arguments.of("shift 32", new PixelFormat(32, 24, false, true, 1, 255, 255, 32, 8, 0)),
        Arguments.of("shift 64 (wraps if unchecked)", new PixelFormat(32, 24, false, true, 1, 255, 255, 64, 8, 0)),
        Arguments.of("shift 255", new PixelFormat(32, 24, false, true, 255, 255, 255, 255, 8, 0)),
        Arguments.of("65535 shifted beyond 32 bits", new PixelFormat(32, 32, false, true, 65535, 1, 1, 17, 0, 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validFormatsAreAccepted(String name, PixelFormat f) {
    assertEquals("", f.problem().orElse(""), name);
    assertTrue(f.isValid());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidFormatsAreRefusedWithAReason(String name, PixelFormat f) {
    assertTrue(f.problem().isPresent(), name + " accepted");
    assertFalse(f.problem().get().isBlank());
    assertFalse(f.isValid());
  }

  @Test
  void bytesPerPixel() {
    assertEquals(4, PixelFormat.RGB888.bytesPerPixel());
    assertEquals(2, new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0).bytesPerPixel());
    assertEquals(1, new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0).bytesPerPixel());
  }

  @Test
  void rgb888IsTheServersLittleEndianFormat() {
    assertEquals(new PixelFormat(32, 24, false, true, 255, 255, 255, 16, 8, 0), PixelFormat.RGB888);
  }
}
