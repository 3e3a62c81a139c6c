package org.plugvnc.capture.x11.internal;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The X server's core keyboard map as the input thread sees it: where a keysym sits (keycode and
 * shift level), and spare keycodes (no keysym at all) lent to keysyms the map lacks, as
 * x0vncserver does. A lent keycode keeps its keysym until the keycode is needed for another one
 * (least recently used first): restoring it at once would race the X client, which looks the
 * keysym up only when it reads the key event, perhaps after the restore. For the same reason a
 * keycode is lent again {@link #MIN_LEND_NANOS} after its last lending at the earliest (the input
 * thread waits when a burst of missing keysyms goes through every spare keycode faster: on Xvfb,
 * xev looked a key up 19 lendings late without it). {@link #restoreSpares()} gives them all back.
 * Used on the input thread only.
 *
 * <p>Seen with xev: an X client whose Xlib has not looked a key up yet reads the XKB keymap at its
 * first key, and a key lent while it does so stays NoSymbol for that client. Clients that have
 * seen any key before are past that.
 */
final class KeyboardMap {

  /** Whether a modifier must be held, must not be held, or does not matter for a placement. */
  enum Need { MUST, MUST_NOT, EITHER }

  /** Which lock turns a two-level key's Shift around: Caps Lock for letters, Num Lock for keypads. */
  enum Lock { NONE, CAPS, NUM }

  /** Where a keysym can be typed: its keycode, the modifiers that choose its level, its lock. */
  record Placement(int keycode, Need shift, Need level3, Lock lock) {
    Placement(int keycode, Need shift, Need level3) {
      this(keycode, shift, level3, Lock.NONE);
    }

    /** The same with Shift's need turned around (the lock is on). */
    Placement inverted() {
      Need turned = shift == Need.MUST ? Need.MUST_NOT
          : shift == Need.MUST_NOT ? Need.MUST : Need.EITHER;
      return new Placement(keycode, turned, level3, lock);
    }

    /** How many modifier changes typing it costs when the viewer holds these. */
    int cost(boolean shiftHeld, boolean level3Held) {
      return cost(shift, shiftHeld) + cost(level3, level3Held);
    }

    private static int cost(Need need, boolean held) {
      return (need == Need.MUST && !held) || (need == Need.MUST_NOT && held) ? 1 : 0;
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(KeyboardMap.class);
  private static final long NO_SYMBOL = 0;
  static final long MIN_LEND_NANOS = 200_000_000L;

  private final Display display;
  private int minKeycode;
  private int perKeycode;
  private long[] keysyms = new long[0];
  /** Spare keycodes not lent, then lent ones, least recently used first. */
  private final Deque<Integer> spares = new ArrayDeque<>();
  private final Map<Long, Integer> lent = new HashMap<>();
  private final Map<Integer, Long> lentAt = new HashMap<>();

  KeyboardMap(Display display) {
    this.display = display;
    load();
    for (int keycode = minKeycode; keycode < minKeycode + keycodeCount(); keycode++) {
      if (isEmpty(keycode)) {
        spares.add(keycode);
      }
    }
    LOG.debug("keyboard map: keycodes {}..{}, {} keysyms each, {} spare", minKeycode,
        minKeycode + keycodeCount() - 1, perKeycode, spares.size());
  }

  /** Reads the server's map again (another client changed it). */
  void load() {
    IntByReference min = new IntByReference();
    IntByReference max = new IntByReference();
    X11.INSTANCE.XDisplayKeycodes(display, min, max);
    int count = max.getValue() - min.getValue() + 1;
    IntByReference per = new IntByReference();
    Pointer map = count > 0
        ? XlibExtraLibrary.INSTANCE.XGetKeyboardMapping(display, (byte) min.getValue(), count, per)
        : null;
    if (map == null) {
      return; // the connection is gone, or a server with no keys: keep what we had
    }
    try {
      long[] read = new long[count * per.getValue()];
      for (int i = 0; i < read.length; i++) {
        read[i] = map.getNativeLong((long) i * NativeLong.SIZE).longValue();
      }
      minKeycode = min.getValue();
      perKeycode = per.getValue();
      keysyms = read;
    } finally {
      X11.INSTANCE.XFree(map);
    }
  }

  /** Every placement of {@code keysym} in the map, lent spares included. */
  List<Placement> find(long keysym) {
    List<Placement> found = new ArrayList<>();
    Integer spare = lent.get(keysym);
    if (spare != null) {
      touch(spare);
      found.add(new Placement(spare, Need.EITHER, Need.EITHER));
      return found;
    }
    for (int k = 0; k < keycodeCount(); k++) {
      // Core map columns (XKB's core view): group 1 levels 1 and 2, group 2 levels 1 and 2,
      // group 1 levels 3 and 4. Group 2 would need a group switch: not used.
      boolean twoLevels = sym(k, 1) != NO_SYMBOL;
      boolean fourLevels = sym(k, 4) != NO_SYMBOL || sym(k, 5) != NO_SYMBOL;
      Need level3Off = fourLevels ? Need.MUST_NOT : Need.EITHER;
      Lock lock = twoLevels ? lockOf(sym(k, 0), sym(k, 1)) : Lock.NONE;
      if (sym(k, 0) == keysym) {
        found.add(new Placement(minKeycode + k, twoLevels ? Need.MUST_NOT : Need.EITHER,
            level3Off, lock));
      }
      if (twoLevels && sym(k, 1) == keysym) {
        found.add(new Placement(minKeycode + k, Need.MUST, level3Off, lock));
      }
      if (sym(k, 4) == keysym) {
        found.add(new Placement(minKeycode + k, sym(k, 5) != NO_SYMBOL ? Need.MUST_NOT
            : Need.EITHER, Need.MUST));
      }
      if (sym(k, 5) == keysym) {
        found.add(new Placement(minKeycode + k, Need.MUST, Need.MUST));
      }
    }
    return found;
  }

  /** The keycode that types {@code keysym} with no modifier, or 0. */
  int plainKeycode(long keysym) {
    for (Placement p : find(keysym)) {
      if (p.shift() != Need.MUST && p.level3() != Need.MUST) {
        return p.keycode();
      }
    }
    return 0;
  }

  /**
   * Lends a spare keycode to {@code keysym}, taking it from the least recently used keysym if
   * none is free, and never one that is down. Returns the keycode, or 0 when none can be had.
   */
  int lend(long keysym, IntPredicate isDown) {
    for (Integer keycode : spares) {
      if (!isDown.test(keycode)) {
        waitUntilOldEnough(keycode);
        spares.remove(keycode);
        lent.values().remove(keycode);
        // One keysym: XKB gives the key the ONE_LEVEL type, so no modifier changes what it types.
        NativeLong[] syms = {new NativeLong(keysym)};
        XlibExtraLibrary.INSTANCE.XChangeKeyboardMapping(display, keycode, 1, syms, 1);
        spares.addLast(keycode);
        lent.put(keysym, keycode);
        lentAt.put(keycode, System.nanoTime());
        LOG.debug("keycode {} lent to keysym 0x{}", keycode, Long.toHexString(keysym));
        return keycode;
      }
    }
    return 0;
  }

  /** True when {@code keycode} is a spare lent by this map (its mapping changes are our own). */
  boolean isSpare(int keycode) {
    return spares.contains(keycode);
  }

  /** Gives every lent keycode its empty mapping back. */
  void restoreSpares() {
    for (Integer keycode : lent.values()) {
      NativeLong[] none = {new NativeLong(NO_SYMBOL)};
      XlibExtraLibrary.INSTANCE.XChangeKeyboardMapping(display, keycode, 1, none, 1);
    }
    lent.clear();
  }

  /**
   * XKB's ALPHABETIC keys (a lower and an upper case letter) take Caps Lock as Shift, its KEYPAD
   * keys (a keypad keysym on level 2) take Num Lock as Shift.
   */
  private static Lock lockOf(long lower, long upper) {
    if (upper >= 0xff80 && upper <= 0xffbd) {
      return Lock.NUM;
    }
    int l = codePoint(lower);
    int u = codePoint(upper);
    return l >= 0 && u >= 0 && l != u && Character.isLowerCase(l) && Character.toUpperCase(l) == u
        ? Lock.CAPS : Lock.NONE;
  }

  /** The character of a Latin-1 or Unicode keysym, or -1. */
  private static int codePoint(long keysym) {
    if (keysym >= 0x20 && keysym <= 0xff) {
      return (int) keysym;
    }
    return keysym >= 0x0100_0100L && keysym <= 0x0110_ffffL ? (int) (keysym - 0x0100_0000L) : -1;
  }

  private void waitUntilOldEnough(Integer keycode) {
    Long at = lentAt.get(keycode);
    long wait = at == null ? 0 : MIN_LEND_NANOS - (System.nanoTime() - at);
    if (wait > 0) {
      X11.INSTANCE.XFlush(display);
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void touch(Integer keycode) {
    spares.remove(keycode);
    spares.addLast(keycode);
  }

  private int keycodeCount() {
    return perKeycode == 0 ? 0 : keysyms.length / perKeycode;
  }

  private long sym(int index, int column) {
    return column < perKeycode ? keysyms[index * perKeycode + column] : NO_SYMBOL;
  }

  private boolean isEmpty(int keycode) {
    int index = keycode - minKeycode;
    for (int column = 0; column < perKeycode; column++) {
      if (sym(index, column) != NO_SYMBOL) {
        return false;
      }
    }
    return true;
  }
}
