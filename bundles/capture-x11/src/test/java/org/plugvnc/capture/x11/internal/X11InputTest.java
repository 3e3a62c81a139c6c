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
  private static final int ISO_LEVEL3_SHIFT = 0xfe03;

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
    // xev's Xlib reads the XKB keymap at its first key and only then follows its changes: a key
    // lent in between is missed by that client for good. Any X client that has seen a key
    // before is past that window; make xev one.
    tap(0xff0d);
    xev.await(() -> xev.keysyms().contains(0xff0dL), Duration.ofSeconds(10), "the first key");
    xev.clear();
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
    // keysym sent by the viewer, keysym the client must see
    long[][] typed = {
        {0x61, 0x61}, // a
        {0x51, 0x51}, // Q: needs Shift, which the viewer does not hold
        {0x21, 0x21}, // exclam: Shift + 1
        {0x7c, 0x7c}, // bar
        {0xa6, 0xa6}, // brokenbar: Shift + AltGr (ISO_Level3_Shift) on the < > key of the us map
        {0xfc, 0xfc}, // udiaeresis: not in the us map, a spare keycode is lent
        {0x20ac, 0x20ac}, // EuroSign
        {0x10065e5, 0x10065e5}, // U+65E5, a CJK character
        {0x100263a, 0x100263a}, // U+263A
        {0x10000e9, 0xe9}, // U+00E9 as a Unicode keysym: typed as its Latin-1 keysym eacute
        {0xff0d, 0xff0d}}; // Return
    for (long[] key : typed) {
      tap((int) key[0]);
    }
    xev.await(() -> xev.keysyms().contains(0xff0dL), Duration.ofSeconds(10), "Return");
    List<Long> expected = java.util.Arrays.stream(typed).map(key -> key[1]).toList();
    // The modifiers pressed around some keys are key presses the client sees too: left out.
    assertEquals(hex(expected), hex(xev.keysyms().stream()
        .filter(k -> k != SHIFT_L && k != ISO_LEVEL3_SHIFT).toList()));
  }

  @Test
  void moreMissingKeysymsThanSpareKeycodesAllArrive() throws Exception {
    // Xvfb's us map has about 20 empty keycodes: 60 different CJK characters reuse them.
    List<Long> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      long keysym = 0x1004e00L + i * 7;
      expected.add(keysym);
      tap((int) keysym);
    }
    xev.await(() -> xev.keysyms().size() >= expected.size(), Duration.ofSeconds(20),
        expected.size() + " key presses");
    assertEquals(hex(expected), hex(xev.keysyms()));
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
  void capsLockAndNumLockTurnShiftAround() throws Exception {
    int capsLock = 0xffe5;
    int numLock = 0xff7f;
    tap(capsLock);
    tap(0x61); // a, with Caps Lock on: Shift pressed so that it stays a
    tap(0x41); // A: no Shift
    tap(capsLock);
    tap(numLock);
    tap(0xffb1); // KP_1 with Num Lock on: no Shift
    tap(0xff9c); // KP_End with Num Lock on: Shift
    tap(numLock);
    tap(0xffb1); // KP_1 with Num Lock off: Shift gives KP_End in XKB, so a spare keycode
    tap(0xff0d);
    xev.await(() -> xev.keysyms().contains(0xff0dL), Duration.ofSeconds(10), "Return");
    List<Long> expected = List.of(0xffe5L, 0x61L, 0x41L, 0xffe5L, 0xff7fL, 0xffb1L, 0xff9cL,
        0xff7fL, 0xffb1L, 0xff0dL);
    assertEquals(hex(expected), hex(xev.keysyms().stream().filter(k -> k != SHIFT_L).toList()));
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
