package org.plugvnc.client;

/**
 * One rectangle header of a FramebufferUpdate, as received. For pseudo-encodings the fields mean
 * what that pseudo-encoding says (Cursor: x, y are the hot spot; DesktopSize: width, height are
 * the new size).
 *
 * @param x x-position
 * @param y y-position
 * @param width width
 * @param height height
 * @param encoding the S32 encoding-type
 */
public record Rectangle(int x, int y, int width, int height, int encoding) {

  /** @return the spec name of {@link #encoding()} */
  public String encodingName() {
    return RfbNumbers.encodingName(encoding);
  }

  @Override
  public String toString() {
    return encodingName() + "[" + x + "," + y + " " + width + "x" + height + "]";
  }
}
