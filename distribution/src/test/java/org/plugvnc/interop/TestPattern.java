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
