package org.plugvnc.capture.awt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.event.KeyEvent;
import org.junit.jupiter.api.Test;
import org.plugvnc.capture.awt.internal.KeysymMapping.Key;
import org.plugvnc.capture.awt.internal.KeysymMapping.Shift;

class KeysymMappingTest {

  @Test
  void lettersAndDigits() {
    assertEquals(new Key(KeyEvent.VK_A, Shift.UP), KeysymMapping.lookup('a'));
    assertEquals(new Key(KeyEvent.VK_Z, Shift.DOWN), KeysymMapping.lookup('Z'));
    assertEquals(new Key(KeyEvent.VK_7, Shift.UP), KeysymMapping.lookup('7'));
  }

  @Test
  void shiftedCharactersAreTheirUsKeyWithShift() {
    assertEquals(new Key(KeyEvent.VK_1, Shift.DOWN), KeysymMapping.lookup('!'));
    assertEquals(new Key(KeyEvent.VK_0, Shift.DOWN), KeysymMapping.lookup(')'));
    assertEquals(new Key(KeyEvent.VK_SLASH, Shift.DOWN), KeysymMapping.lookup('?'));
    assertEquals(new Key(KeyEvent.VK_SLASH, Shift.UP), KeysymMapping.lookup('/'));
    assertEquals(new Key(KeyEvent.VK_BACK_QUOTE, Shift.DOWN), KeysymMapping.lookup('~'));
    assertEquals(new Key(KeyEvent.VK_QUOTE, Shift.DOWN), KeysymMapping.lookup('"'));
  }

  @Test
  void functionCursorModifierAndKeypadKeysLeaveShiftAlone() {
    assertEquals(new Key(KeyEvent.VK_F1, Shift.AS_IS), KeysymMapping.lookup(0xffbe));
    assertEquals(new Key(KeyEvent.VK_F12, Shift.AS_IS), KeysymMapping.lookup(0xffc9));
    assertEquals(new Key(KeyEvent.VK_F13, Shift.AS_IS), KeysymMapping.lookup(0xffca));
    assertEquals(new Key(KeyEvent.VK_LEFT, Shift.AS_IS), KeysymMapping.lookup(0xff51));
    assertEquals(new Key(KeyEvent.VK_SHIFT, Shift.AS_IS), KeysymMapping.lookup(0xffe2));
    assertEquals(new Key(KeyEvent.VK_CONTROL, Shift.AS_IS), KeysymMapping.lookup(0xffe3));
    assertEquals(new Key(KeyEvent.VK_NUMPAD5, Shift.AS_IS), KeysymMapping.lookup(0xffb5));
    assertEquals(new Key(KeyEvent.VK_ENTER, Shift.AS_IS), KeysymMapping.lookup(0xff8d));
    assertEquals(new Key(KeyEvent.VK_DELETE, Shift.AS_IS), KeysymMapping.lookup(0xffff));
  }

  @Test
  void charactersWithoutAKeyHaveNoMapping() {
    assertNull(KeysymMapping.lookup(0xe9)); // eacute
    assertNull(KeysymMapping.lookup(0x01000416)); // Cyrillic Zhe as a Unicode keysym
    assertNull(KeysymMapping.lookup(0xfe51)); // dead_acute
  }
}
