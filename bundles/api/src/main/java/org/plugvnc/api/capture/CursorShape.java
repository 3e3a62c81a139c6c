package org.plugvnc.api.capture;

/**
 * A cursor image with its hot spot. An immutable value by convention: whoever makes one never
 * changes {@code argb} afterwards.
 *
 * @param width width in pixels, 0 to 1024
 * @param height height in pixels, 0 to 1024
 * @param hotX hot spot column, inside the image
 * @param hotY hot spot row, inside the image
 * @param argb {@code width * height} pixels row by row as 0xAARRGGBB, alpha not premultiplied;
 *     alpha 0 is transparent
 */
public record CursorShape(int width, int height, int hotX, int hotY, int[] argb) {

  /** Checks the sizes so that a bad shape fails where it is made. */
  public CursorShape {
    if (width < 0 || height < 0 || width > 1024 || height > 1024) {
      throw new IllegalArgumentException("cursor size " + width + "x" + height);
    }
    if (argb.length != width * height) {
      throw new IllegalArgumentException("cursor has " + argb.length + " pixels, not " + width * height);
    }
  }
}
