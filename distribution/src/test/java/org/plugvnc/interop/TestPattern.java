package org.plugvnc.interop;

import java.awt.image.BufferedImage;

/**
 * The virtual desktop's test pattern (mode {@code test-pattern}), computed here from its
 * definition rather than taken from the server, so that a viewer's picture can be checked against
 * what the server should have sent.
 */
public final class TestPattern {

  private TestPattern() {}

  /** The pixel at (x, y) of a w x h pattern, as 0x00RRGGBB. */
  public static int rgb(int x, int y, int width, int height) {
    int r = (x * 255) / Math.max(1, width - 1);
    int g = (y * 255) / Math.max(1, height - 1);
    int b = ((x / 64) + (y / 64)) % 2 == 0 ? 0x30 : 0xD0;
    return r << 16 | g << 8 | b;
  }

  /**
   * The pattern after its band has scrolled {@code steps} times by {@code rows} rows (the virtual
   * desktop's {@code scrollSteps} and {@code scrollPixels}), from the README's definition: the band
   * is rows h/4 to h/4 + h/2 and columns w/8 to w - w/8, and after k steps of s rows (s at most
   * the band's height) its row r shows pattern row h/4 + (r + k * s) mod (h/2).
   */
  public static BufferedImage scrolled(int width, int height, int steps, int rows) {
    BufferedImage image = image(width, height);
    int left = width / 8;
    int top = height / 4;
    int bandHeight = height / 2;
    long shift = (long) steps * Math.min(rows, bandHeight) % bandHeight;
    for (int r = 0; r < bandHeight; r++) {
      int from = top + (int) ((r + shift) % bandHeight);
      for (int x = left; x < width - left; x++) {
        image.setRGB(x, top + r, rgb(x, from, width, height));
      }
    }
    return image;
  }

  /** The whole pattern as an image. */
  public static BufferedImage image(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, rgb(x, y, width, height));
      }
    }
    return image;
  }
}
