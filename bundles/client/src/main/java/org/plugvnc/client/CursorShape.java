package org.plugvnc.client;

/**
 * A cursor received with the Cursor pseudo-encoding (RFC 6143 7.8.1).
 *
 * @param hotspotX hot spot x (the rectangle's x-position)
 * @param hotspotY hot spot y (the rectangle's y-position)
 * @param width cursor width
 * @param height cursor height
 * @param rgb pixels as 0x00RRGGBB, row by row; not copied
 * @param bitmask the RFB bitmask as sent: ((width + 7) / 8) bytes per row, most significant bit
 *        first, 1 = opaque; not copied
 */
public record CursorShape(int hotspotX, int hotspotY, int width, int height, int[] rgb,
    byte[] bitmask) {

  /**
   * @param x column, 0 &lt;= x &lt; width
   * @param y row, 0 &lt;= y &lt; height
   * @return whether the bitmask marks that pixel as part of the cursor
   */
  public boolean opaque(int x, int y) {
    int rowBytes = (width + 7) / 8;
    return (bitmask[y * rowBytes + x / 8] & (0x80 >>> (x % 8))) != 0;
  }

  /**
   * @param x column
   * @param y row
   * @return 0xFFRRGGBB where opaque, 0 where transparent
   */
  public int argb(int x, int y) {
    return opaque(x, y) ? 0xFF000000 | rgb[y * width + x] : 0;
  }

  @Override
  public String toString() {
    return "CursorShape[" + width + "x" + height + " hotspot " + hotspotX + "," + hotspotY + "]";
  }
}
