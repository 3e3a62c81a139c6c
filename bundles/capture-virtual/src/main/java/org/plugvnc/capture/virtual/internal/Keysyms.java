package org.plugvnc.capture.virtual.internal;

import java.util.Map;

/** The X11 keysyms the interactive desktop understands (RFC 6143 7.5.4 refers to X11's list). */
final class Keysyms {

  static final int BACKSPACE = 0xff08;
  static final int RETURN = 0xff0d;
  static final int KP_ENTER = 0xff8d;
  static final int CONTROL_L = 0xffe3;
  static final int CONTROL_R = 0xffe4;

  /** Keysyms 0x01000000 + code point stand for that Unicode code point. */
  private static final int UNICODE_BASE = 0x01000000;

  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(BACKSPACE, "BackSpace"), Map.entry(0xff09, "Tab"), Map.entry(RETURN, "Return"),
      Map.entry(0xff1b, "Escape"), Map.entry(0xffff, "Delete"), Map.entry(0xff50, "Home"),
      Map.entry(0xff51, "Left"), Map.entry(0xff52, "Up"), Map.entry(0xff53, "Right"),
      Map.entry(0xff54, "Down"), Map.entry(0xff55, "Page_Up"), Map.entry(0xff56, "Page_Down"),
      Map.entry(0xff57, "End"), Map.entry(0xff63, "Insert"), Map.entry(KP_ENTER, "KP_Enter"),
      Map.entry(0xffe1, "Shift_L"), Map.entry(0xffe2, "Shift_R"), Map.entry(CONTROL_L, "Control_L"),
      Map.entry(CONTROL_R, "Control_R"), Map.entry(0xffe7, "Meta_L"), Map.entry(0xffe8, "Meta_R"),
      Map.entry(0xffe9, "Alt_L"), Map.entry(0xffea, "Alt_R"), Map.entry(0xffeb, "Super_L"),
      Map.entry(0xffec, "Super_R"), Map.entry(0xfe03, "ISO_Level3_Shift"));

  private Keysyms() {}

  /**
   * The character a keysym types, or -1 when it types none: Latin-1 printables (0x20..0x7E,
   * 0xA0..0xFF) are their own code point, Unicode keysyms carry theirs; control characters and
   * surrogates never type.
   */
  static int codePoint(int keysym) {
    if ((keysym >= 0x20 && keysym <= 0x7e) || (keysym >= 0xa0 && keysym <= 0xff)) {
      return keysym;
    }
    if (keysym >= UNICODE_BASE) {
      int cp = keysym - UNICODE_BASE;
      if (cp <= Character.MAX_CODE_POINT && !Character.isISOControl(cp)
          && Character.getType(cp) != Character.SURROGATE) {
        return cp;
      }
    }
    return -1;
  }

  /** Whether the keysym is one of the Control keys. */
  static boolean isControl(int keysym) {
    return keysym == CONTROL_L || keysym == CONTROL_R;
  }

  /** A short human description for the status line, such as {@code 'a'} or {@code Return}. */
  static String describe(int keysym) {
    String name = NAMES.get(keysym);
    if (name != null) {
      return name;
    }
    if (keysym >= 0xffbe && keysym <= 0xffc9) {
      return "F" + (keysym - 0xffbe + 1);
    }
    int cp = codePoint(keysym);
    return cp == 0x20 ? "space" : cp >= 0 ? "'" + new String(Character.toChars(cp)) + "'" : "?";
  }
}
