package org.plugvnc.capture.virtual.internal;

import java.awt.FontMetrics;

/** Cuts text to a width in pixels, marking the cut with an ellipsis. */
final class TextFit {

  static final String ELLIPSIS = "\u2026";

  private TextFit() {}

  /** The longest start of {@code s} that fits {@code room} pixels, ended by an ellipsis if cut. */
  static String head(FontMetrics fm, String s, int room) {
    if (fm.stringWidth(s) <= room) {
      return s;
    }
    int end = s.length();
    while (end > 0 && fm.stringWidth(s.substring(0, end) + ELLIPSIS) > room) {
      end = s.offsetByCodePoints(end, -1);
    }
    return s.substring(0, end) + ELLIPSIS;
  }

  /** The longest end of {@code s} that fits {@code room} pixels, led by an ellipsis if cut. */
  static String tail(FontMetrics fm, String s, int room) {
    if (fm.stringWidth(s) <= room) {
      return s;
    }
    int start = 0;
    while (start < s.length() && fm.stringWidth(ELLIPSIS + s.substring(start)) > room) {
      start = s.offsetByCodePoints(start, 1);
    }
    return ELLIPSIS + s.substring(start);
  }
}
