package org.plugvnc.capture.virtual.internal;

import org.plugvnc.api.capture.CursorShape;

/**
 * The cursor shapes of the virtual desktop, made once: every viewer and every test sees the same
 * instances, so a change can be detected by identity.
 */
final class DesktopCursors {

  private static final int BLACK = 0xFF000000;
  private static final int WHITE = 0xFFFFFFFF;
  private static final int CLEAR = 0x00000000;

  /** The shared 12x18 arrow: black outline, white fill, transparent elsewhere, hot spot (0,0). */
  static final CursorShape ARROW = fromPicture(0, 0,
      "B...........",
      "BB..........",
      "BWB.........",
      "BWWB........",
      "BWWWB.......",
      "BWWWWB......",
      "BWWWWWB.....",
      "BWWWWWWB....",
      "BWWWWWWWB...",
      "BWWWWWWWWB..",
      "BWWWWWWWWWB.",
      "BWWWWWWBBBBB",
      "BWWWBWWB....",
      "BWWBBWWB....",
      "BWB..BWWB...",
      "BB...BWWB...",
      "......BWWB..",
      "......BBBB..");

  /** A 15x15 crosshair with an open centre, hot spot in the middle; shown over the canvas. */
  static final CursorShape CROSSHAIR = fromPicture(7, 7,
      "......WBW......",
      "......WBW......",
      "......WBW......",
      "......WBW......",
      "......WBW......",
      ".......W.......",
      "WWWWWW...WWWWWW",
      "BBBBBW.B.WBBBBB",
      "WWWWWW...WWWWWW",
      ".......W.......",
      "......WBW......",
      "......WBW......",
      "......WBW......",
      "......WBW......",
      "......WBW......");

  private DesktopCursors() {}

  /** Turns rows of {@code B} (black), {@code W} (white) and {@code .} (clear) into a shape. */
  private static CursorShape fromPicture(int hotX, int hotY, String... rows) {
    int width = rows[0].length();
    int[] argb = new int[width * rows.length];
    for (int y = 0; y < rows.length; y++) {
      for (int x = 0; x < width; x++) {
        char c = rows[y].charAt(x);
        argb[y * width + x] = c == 'B' ? BLACK : c == 'W' ? WHITE : CLEAR;
      }
    }
    return new CursorShape(width, rows.length, hotX, hotY, argb);
  }
}
