package org.plugvnc.client.decode;

import java.util.Arrays;

/**
 * The client's colour map, set by SetColourMapEntries and used to decode pixels when the pixel
 * format is not true colour. Entries never set read as 0 (black). Grows on demand up to the
 * 65536 entries a U16 index can reach, so idle sessions of a load client stay small.
 */
public final class ColourMap {

  /** Number of entries a U16 first-colour plus count can address. */
  public static final int MAX_ENTRIES = 65536;

  private int[] rgb = new int[0];

  /**
   * @param index entry index, 0 &lt;= index &lt; {@link #MAX_ENTRIES}
   * @param value the colour as 0x00RRGGBB
   */
  public void set(int index, int value) {
    if (index >= rgb.length) {
      rgb = Arrays.copyOf(rgb, Math.min(MAX_ENTRIES, Math.max(index + 1, 2 * rgb.length)));
    }
    rgb[index] = value;
  }

  /** @return entry {@code index} as 0x00RRGGBB, 0 if never set */
  public int get(int index) {
    return index < rgb.length ? rgb[index] : 0;
  }

  /** Empties the map (RFB: after SetPixelFormat the colour map is empty). */
  public void clear() {
    rgb = new int[0];
  }

  /** @return a copy of the entries up to the highest one ever set */
  public int[] toArray() {
    return rgb.clone();
  }
}
