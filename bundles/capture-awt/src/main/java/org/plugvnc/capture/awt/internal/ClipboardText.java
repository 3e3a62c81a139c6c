package org.plugvnc.capture.awt.internal;

import java.nio.charset.StandardCharsets;

/** Bounds clipboard text by its UTF-8 length, cutting only between characters. */
final class ClipboardText {

  private ClipboardText() {}

  /** {@code text} if its UTF-8 form has at most {@code maxBytes} bytes, else its longest such start. */
  static String cut(String text, int maxBytes) {
    if (text.length() <= maxBytes / 3
        || text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return text;
    }
    int bytes = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + size > maxBytes) {
        break;
      }
      bytes += size;
      i += Character.charCount(cp);
    }
    return text.substring(0, i);
  }
}
