package org.plugvnc.api.pixel;

import java.util.Optional;

/**
 * An RFB pixel format (RFC 6143 section 7.4): how a client wants pixel values laid out on the wire.
 *
 * <p>An immutable value. A format is <em>valid</em> when {@link #problem()} is empty; the engine
 * refuses an invalid one from a client (SetPixelFormat) and ends that session. Colour-map formats
 * ({@code trueColour == false}) carry maxima and shifts that are meaningless and ignored.
 *
 * @param bitsPerPixel 8, 16 or 32
 * @param depth number of useful bits in a pixel value, 1 to 32 and at most {@code bitsPerPixel}
 * @param bigEndian byte order of multi-byte pixel values on the wire
 * @param trueColour true: the value is composed from red, green and blue fields; false: the value
 *     indexes the colour map set by SetColourMapEntries
 * @param redMax largest red value (a power of two minus one, 1 to 65535)
 * @param greenMax largest green value
 * @param blueMax largest blue value
 * @param redShift how far red is shifted left in the pixel value
 * @param greenShift how far green is shifted left
 * @param blueShift how far blue is shifted left
 */
public record PixelFormat(
    int bitsPerPixel,
    int depth,
    boolean bigEndian,
    boolean trueColour,
    int redMax,
    int greenMax,
    int blueMax,
    int redShift,
    int greenShift,
    int blueShift) {

  /** 32 bits per pixel, depth 24, little-endian, 0x00RRGGBB: what the server holds internally. */
  public static final PixelFormat RGB888 = new PixelFormat(32, 24, false, true, 255, 255, 255, 16, 8, 0);

  /** Bytes one pixel takes on the wire: 1, 2 or 4 for a valid format. */
  public int bytesPerPixel() {
    return bitsPerPixel / 8;
  }

  /**
   * Why this format cannot be used, or empty when it is valid. A valid format has 8, 16 or 32 bits
   * per pixel, a depth from 1 to bits per pixel and, in true colour, non-zero maxima of the form
   * 2^n-1 whose fields lie inside the pixel and do not overlap.
   */
  public Optional<String> problem() {
    if (bitsPerPixel != 8 && bitsPerPixel != 16 && bitsPerPixel != 32) {
      return Optional.of("bits-per-pixel " + bitsPerPixel + " is not 8, 16 or 32");
    }
    if (depth < 1 || depth > bitsPerPixel) {
      return Optional.of("depth " + depth + " is not between 1 and " + bitsPerPixel);
    }
    if (!trueColour) {
      return Optional.empty();
    }
    long used = 0;
    int[][] fields = {{redMax, redShift}, {greenMax, greenShift}, {blueMax, blueShift}};
    String[] names = {"red", "green", "blue"};
    for (int i = 0; i < 3; i++) {
      int max = fields[i][0];
      int shift = fields[i][1];
      if (max <= 0 || max > 0xFFFF || (max & (max + 1)) != 0) {
        return Optional.of(names[i] + "-max " + max + " is not 2^n-1 between 1 and 65535");
      }
      long mask = ((long) max) << shift;
      if (shift < 0 || shift > 31 || (mask >>> bitsPerPixel) != 0) {
        return Optional.of(names[i] + " field (max " + max + ", shift " + shift + ") lies outside "
            + bitsPerPixel + " bits");
      }
      if ((used & mask) != 0) {
        return Optional.of(names[i] + " field overlaps another colour field");
      }
      used |= mask;
    }
    return Optional.empty();
  }

  /** Whether {@link #problem()} is empty. */
  public boolean isValid() {
    return problem().isEmpty();
  }
}
