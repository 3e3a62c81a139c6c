package org.plugvnc.capture.virtual.internal;

import java.awt.FontMetrics;

/**
 * Turns clipboard text, which may be a megabyte of anything, into at most two short lines that are
 * safe to draw: only the start is kept, line breaks become a return symbol and other control
 * characters a space.
 */
final class ClipboardPreview {

  /** How many characters of the clipboard are looked at. */
  static final int MAX_CODE_POINTS = 200;

  private static final String RETURN_SYMBOL = "\u21b5";

  private ClipboardPreview() {}

  /** The start of {@code text} with control characters replaced, and an ellipsis if cut. */
  static String sanitize(String text) {
    StringBuilder out = new StringBuilder();
    int count = 0;
    int i = 0;
    while (i < text.length() && count < MAX_CODE_POINTS) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      count++;
      if (cp == '\r' && i < text.length() && text.charAt(i) == '\n') {
        i++;
      }
      if (cp == '\r' || cp == '\n') {
        out.append(RETURN_SYMBOL);
      } else if (Character.isISOControl(cp)) {
        out.append(' ');
      } else {
        out.appendCodePoint(cp);
      }
    }
    if (i < text.length()) {
      out.append(TextFit.ELLIPSIS);
    }
    return out.toString();
  }

  /**
   * One or two lines that show the start of {@code text} in {@code room} pixels: the first line
   * breaks at a space where it can, the second ends with an ellipsis if the rest does not fit.
   */
  static String[] twoLines(String text, FontMetrics fm, int room) {
    String s = sanitize(text);
    if (fm.stringWidth(s) <= room) {
      return new String[] {s};
    }
    int end = 0;
    while (end < s.length()) {
      int next = s.offsetByCodePoints(end, 1);
      if (fm.stringWidth(s.substring(0, next)) > room) {
        break;
      }
      end = next;
    }
    int space = s.lastIndexOf(' ', end);
    int cut = space > end / 2 ? space + 1 : Math.max(end, Math.min(s.length(), 1));
    String rest = s.substring(cut).strip();
    return new String[] {s.substring(0, cut).stripTrailing(), TextFit.head(fm, rest, room)};
  }
}
