package org.plugvnc.capture.awt.internal;

import org.plugvnc.api.capture.CursorShape;

/**
 * The cursor shown for the AWT backend. AWT cannot read the platform's cursor image (and Robot's
 * grabs leave the cursor out), so viewers get this fixed arrow where the pointer is: a white
 * triangle with a black edge and a short stem, hot spot at its tip.
 */
final class ArrowCursor {

  static final int WIDTH = 11;
  static final int HEIGHT = 17;

  private static final int BLACK = 0xFF000000;
  private static final int WHITE = 0xFFFFFFFF;

  /** One instance, so that it never counts as a change. */
  static final CursorShape SHAPE = make();

  private ArrowCursor() {}

  private static CursorShape make() {
    int[] argb = new int[WIDTH * HEIGHT];
    int head = WIDTH - 1; // the triangle's rows 0..head, its right edge at x = y
    for (int y = 0; y <= head; y++) {
      for (int x = 0; x <= y; x++) {
        boolean edge = x == 0 || x == y || y == head;
        argb[y * WIDTH + x] = edge ? BLACK : WHITE;
      }
    }
    for (int y = head; y < HEIGHT; y++) { // the stem, 4 wide, from the middle of the base
      for (int x = 3; x <= 6; x++) {
        boolean edge = x == 3 || x == 6 || y == HEIGHT - 1;
        argb[y * WIDTH + x] = edge ? BLACK : WHITE;
      }
    }
    return new CursorShape(WIDTH, HEIGHT, 0, 0, argb);
  }
}
