package org.plugvnc.client;

/**
 * The SetColourMapEntries message (RFC 6143 7.6.2), with the 16-bit channel values as sent.
 *
 * @param firstColour index of the first entry set
 * @param rgb16 red, green, blue U16 values of each entry in turn (length 3 * count); not copied
 */
public record SetColourMapEntries(int firstColour, int[] rgb16) implements ServerMessage {

  /** @return number of entries set */
  public int count() {
    return rgb16.length / 3;
  }

  /**
   * @param i entry number within this message, 0-based
   * @return that entry as 0x00RRGGBB, each channel scaled as round(v * 255 / 65535)
   */
  public int rgb(int i) {
    return scale(rgb16[3 * i]) << 16 | scale(rgb16[3 * i + 1]) << 8 | scale(rgb16[3 * i + 2]);
  }

  private static int scale(int v) {
    return (v * 255 * 2 + 65535) / (2 * 65535);
  }

  @Override
  public String toString() {
    return "SetColourMapEntries[first=" + firstColour + ", count=" + count() + "]";
  }
}
