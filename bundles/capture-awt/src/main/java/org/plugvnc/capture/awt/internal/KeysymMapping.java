package org.plugvnc.capture.awt.internal;

import java.awt.event.KeyEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Which AWT key ({@code KeyEvent.VK_*}) to press for an X11 keysym (RFC 6143 7.5.4), and whether
 * Shift must be down for it. Robot presses keys, not characters: a shifted character is its key
 * with Shift, laid out as on a US keyboard. Characters with no key there (accented letters,
 * other scripts, dead keys) have no mapping and cannot be typed through Robot.
 */
final class KeysymMapping {

  /** What Shift must be for the key to give the keysym's character. */
  enum Shift {
    /** A character that needs Shift, such as {@code A} or {@code !}. */
    DOWN,
    /** A character that must be typed without Shift, such as {@code a} or {@code 1}. */
    UP,
    /** Not a character (a function, cursor, keypad or modifier key): Shift stays as it is. */
    AS_IS
  }

  /** The key for a keysym. */
  record Key(int vk, Shift shift) {}

  private static final Map<Integer, Key> KEYS = new HashMap<>();

  static {
    for (int c = 'a'; c <= 'z'; c++) {
      put(c, KeyEvent.VK_A + (c - 'a'), Shift.UP);
      put(Character.toUpperCase(c), KeyEvent.VK_A + (c - 'a'), Shift.DOWN);
    }
    for (int c = '0'; c <= '9'; c++) {
      put(c, KeyEvent.VK_0 + (c - '0'), Shift.UP);
    }
    put(' ', KeyEvent.VK_SPACE, Shift.AS_IS);
    punctuation("1!2@3#4$5%6^7&8*9(0)", KeyEvent.VK_0);
    punctuation("-_", KeyEvent.VK_MINUS);
    punctuation("=+", KeyEvent.VK_EQUALS);
    punctuation("[{", KeyEvent.VK_OPEN_BRACKET);
    punctuation("]}", KeyEvent.VK_CLOSE_BRACKET);
    punctuation("\\|", KeyEvent.VK_BACK_SLASH);
    punctuation(";:", KeyEvent.VK_SEMICOLON);
    punctuation("'\"", KeyEvent.VK_QUOTE);
    punctuation(",<", KeyEvent.VK_COMMA);
    punctuation(".>", KeyEvent.VK_PERIOD);
    punctuation("/?", KeyEvent.VK_SLASH);
    punctuation("`~", KeyEvent.VK_BACK_QUOTE);
    editingAndCursorKeys();
    for (int i = 0; i < 12; i++) {
      put(0xffbe + i, KeyEvent.VK_F1 + i, Shift.AS_IS); // F1..F12
      put(0xffca + i, KeyEvent.VK_F13 + i, Shift.AS_IS); // F13..F24
    }
    modifierKeys();
    keypadKeys();
  }

  private KeysymMapping() {}

  /** The key for {@code keysym}, or null when Robot has no key for it. */
  static Key lookup(int keysym) {
    return KEYS.get(keysym);
  }

  private static void put(int keysym, int vk, Shift shift) {
    KEYS.put(keysym, new Key(vk, shift));
  }

  /**
   * Pairs of unshifted and shifted characters on one key; for the digit row, {@code firstVk} is
   * VK_0 and the unshifted character is the digit, which names its key.
   */
  private static void punctuation(String pairs, int firstVk) {
    for (int i = 0; i < pairs.length(); i += 2) {
      char plain = pairs.charAt(i);
      int vk = Character.isDigit(plain) ? KeyEvent.VK_0 + (plain - '0') : firstVk;
      put(plain, vk, Shift.UP);
      put(pairs.charAt(i + 1), vk, Shift.DOWN);
    }
  }

  private static void editingAndCursorKeys() {
    put(0xff08, KeyEvent.VK_BACK_SPACE, Shift.AS_IS);
    put(0xff09, KeyEvent.VK_TAB, Shift.AS_IS);
    put(0xfe20, KeyEvent.VK_TAB, Shift.DOWN); // ISO_Left_Tab: Shift+Tab
    put(0xff0d, KeyEvent.VK_ENTER, Shift.AS_IS);
    put(0xff13, KeyEvent.VK_PAUSE, Shift.AS_IS);
    put(0xff14, KeyEvent.VK_SCROLL_LOCK, Shift.AS_IS);
    put(0xff1b, KeyEvent.VK_ESCAPE, Shift.AS_IS);
    put(0xff50, KeyEvent.VK_HOME, Shift.AS_IS);
    put(0xff51, KeyEvent.VK_LEFT, Shift.AS_IS);
    put(0xff52, KeyEvent.VK_UP, Shift.AS_IS);
    put(0xff53, KeyEvent.VK_RIGHT, Shift.AS_IS);
    put(0xff54, KeyEvent.VK_DOWN, Shift.AS_IS);
    put(0xff55, KeyEvent.VK_PAGE_UP, Shift.AS_IS);
    put(0xff56, KeyEvent.VK_PAGE_DOWN, Shift.AS_IS);
    put(0xff57, KeyEvent.VK_END, Shift.AS_IS);
    put(0xff61, KeyEvent.VK_PRINTSCREEN, Shift.AS_IS);
    put(0xff63, KeyEvent.VK_INSERT, Shift.AS_IS);
    put(0xff67, KeyEvent.VK_CONTEXT_MENU, Shift.AS_IS);
    put(0xff7f, KeyEvent.VK_NUM_LOCK, Shift.AS_IS);
    put(0xffe5, KeyEvent.VK_CAPS_LOCK, Shift.AS_IS);
    put(0xffff, KeyEvent.VK_DELETE, Shift.AS_IS);
  }

  private static void modifierKeys() {
    put(0xffe1, KeyEvent.VK_SHIFT, Shift.AS_IS); // Shift_L
    put(0xffe2, KeyEvent.VK_SHIFT, Shift.AS_IS); // Shift_R
    put(0xffe3, KeyEvent.VK_CONTROL, Shift.AS_IS);
    put(0xffe4, KeyEvent.VK_CONTROL, Shift.AS_IS);
    put(0xffe7, KeyEvent.VK_META, Shift.AS_IS);
    put(0xffe8, KeyEvent.VK_META, Shift.AS_IS);
    put(0xffe9, KeyEvent.VK_ALT, Shift.AS_IS);
    put(0xffea, KeyEvent.VK_ALT, Shift.AS_IS);
    put(0xffeb, KeyEvent.VK_WINDOWS, Shift.AS_IS); // Super_L
    put(0xffec, KeyEvent.VK_WINDOWS, Shift.AS_IS); // Super_R
    put(0xfe03, KeyEvent.VK_ALT_GRAPH, Shift.AS_IS); // ISO_Level3_Shift
  }

  private static void keypadKeys() {
    for (int i = 0; i <= 9; i++) {
      put(0xffb0 + i, KeyEvent.VK_NUMPAD0 + i, Shift.AS_IS);
    }
    put(0xffaa, KeyEvent.VK_MULTIPLY, Shift.AS_IS);
    put(0xffab, KeyEvent.VK_ADD, Shift.AS_IS);
    put(0xffac, KeyEvent.VK_SEPARATOR, Shift.AS_IS);
    put(0xffad, KeyEvent.VK_SUBTRACT, Shift.AS_IS);
    put(0xffae, KeyEvent.VK_DECIMAL, Shift.AS_IS);
    put(0xffaf, KeyEvent.VK_DIVIDE, Shift.AS_IS);
    put(0xff8d, KeyEvent.VK_ENTER, Shift.AS_IS); // KP_Enter
    put(0xff95, KeyEvent.VK_HOME, Shift.AS_IS);
    put(0xff96, KeyEvent.VK_KP_LEFT, Shift.AS_IS);
    put(0xff97, KeyEvent.VK_KP_UP, Shift.AS_IS);
    put(0xff98, KeyEvent.VK_KP_RIGHT, Shift.AS_IS);
    put(0xff99, KeyEvent.VK_KP_DOWN, Shift.AS_IS);
    put(0xff9a, KeyEvent.VK_PAGE_UP, Shift.AS_IS);
    put(0xff9b, KeyEvent.VK_PAGE_DOWN, Shift.AS_IS);
    put(0xff9c, KeyEvent.VK_END, Shift.AS_IS);
    put(0xff9e, KeyEvent.VK_INSERT, Shift.AS_IS);
    put(0xff9f, KeyEvent.VK_DELETE, Shift.AS_IS);
  }
}
