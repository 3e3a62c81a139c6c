package org.plugvnc.capture.awt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ClipboardTextTest {

  @Test
  void textWithinTheLimitIsKept() {
    String text = "grüße";
    assertSame(text, ClipboardText.cut(text, 7));
  }

  @Test
  void longerTextIsCutBetweenCharacters() {
    assertEquals("grü", ClipboardText.cut("grüße", 5)); // g, r, ü: 4 bytes; ß would make 6
    assertEquals("gr", ClipboardText.cut("grüße", 3)); // ü is two bytes: not half of it
    assertEquals("a", ClipboardText.cut("a\uD83D\uDE00", 4)); // the emoji needs 4 more
    assertEquals("", ClipboardText.cut("abc", 0));
  }
}
