package org.plugvnc.capture.x11.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;

/** Keys and clicks from X11Input reach a real X client (xev) on a real Xvfb. */
class X11InputTest {

  private static final int SHIFT_L = 0xffe1;

  private XvfbServer xvfb;
  private XevWatch xev;
  private X11Input input;

  @BeforeEach
  void start() throws Exception {
    xvfb = XvfbServer.start();
    xev = XevWatch.start(xvfb.display());
    input = new X11Input(xvfb.display());
    // No window manager: the keyboard focus follows the pointer, so put it on xev's window.
    input.pointer(new PointerEvent(0, 100, 100));
  }

  @AfterEach
  void stop() throws Exception {
    if (input != null) {
      input.close();
    }
    if (xev != null) {
      xev.close();
    }
    xvfb.close();
  }

  @Test
  void typedKeysymsReachTheClientWithTheirShiftLevel() throws Exception {
    List<Long> typed = List.of(
        0x61L, // a
        0x51L, // Q: needs Shift, which the viewer does not hold
        0x21L, // exclam: Shift + 1
        0x7cL, // bar
        0xfcL, // udiaeresis: not in the us map, a spare keycode is lent
        0x20acL, // EuroSign
        0x10065e5L, // U+65E5, a CJK character
        0x100263aL, // U+263A
        0xff0dL); // Return
    for (long keysym : typed) {
      tap((int) keysym);
    }
    xev.await(() -> xev.keysyms().contains(0xff0dL), Duration.ofSeconds(10),
        typed.size() + " key presses");
    // The Shift pressed around Q and ! is a key press the client sees too: leave it out here.
    assertEquals(hex(typed), hex(xev.keysyms().stream().filter(k -> k != SHIFT_L).toList()));
  }

  @Test
  void viewerHeldShiftIsLiftedForAKeysymWithoutIt() throws Exception {
    // Shift held by the viewer, then '1' (not '!'): the 1 must arrive as 1, and the viewer's
    // Shift must hold again afterwards for 'A'.
    input.key(new KeyEvent(true, SHIFT_L, 0));
    tap(0x31);
    tap(0x41);
    input.key(new KeyEvent(false, SHIFT_L, 0));
    tap(0x62);
    // Shift, then 1 with Shift lifted (not '!'), Shift pressed again for the viewer, A, b.
    List<Long> expected = List.of(0xffe1L, 0x31L, 0xffe1L, 0x41L, 0x62L);
    xev.await(() -> xev.keysyms().size() >= expected.size(), Duration.ofSeconds(10),
        "five key presses");
    assertEquals(hex(expected), hex(xev.keysyms()));
  }

  @Test
  void buttonsOneToSevenArriveAsButtonPresses() throws Exception {
    for (int button = 1; button <= 7; button++) {
      input.pointer(new PointerEvent(1 << (button - 1), 100, 100));
      input.pointer(new PointerEvent(0, 100, 100));
    }
    // Two buttons at once, then only one of them released: one press each, no repeat.
    input.pointer(new PointerEvent(0b101, 101, 100));
    input.pointer(new PointerEvent(0b100, 102, 100));
    input.pointer(new PointerEvent(0, 102, 100));
    List<Integer> expected = List.of(1, 2, 3, 4, 5, 6, 7, 1, 3);
    xev.await(() -> xev.buttons().size() >= expected.size(), Duration.ofSeconds(10),
        "nine button presses");
    assertEquals(expected, xev.buttons());
  }

  private void tap(int keysym) {
    input.key(new KeyEvent(true, keysym, 0));
    input.key(new KeyEvent(false, keysym, 0));
  }

  private static List<String> hex(List<Long> keysyms) {
    return keysyms.stream().map(Long::toHexString).toList();
  }
}
