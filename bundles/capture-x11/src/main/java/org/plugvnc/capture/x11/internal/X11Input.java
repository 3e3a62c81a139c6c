package org.plugvnc.capture.x11.internal;

import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.ptr.IntByReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plugvnc.api.capture.InputSink;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Viewers' keys and pointer on an X display, through XTest, on a connection and thread of its own
 * (see {@link XClientConnection} for why losing the X server never ends the JVM).
 *
 * <p>A keysym is typed on the keycode and shift level the server's keyboard map gives it; when
 * that level needs Shift or ISO_Level3_Shift (AltGr) and the viewer does not hold it, it is
 * pressed around the key, and when the viewer holds one that the level must not have, it is
 * released around the key and pressed again; for letters with Caps Lock on, and keypad keys with
 * Num Lock on, Shift's part is turned around. A keysym the map lacks gets a spare keycode lent
 * for it ({@link KeyboardMap}). A release goes to the keycode its press went to. Pointer buttons 1
 * to 7 (wheel 4 and 5, horizontal wheel 6 and 7) change only for the bits that changed.
 */
public final class X11Input implements InputSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(X11Input.class);
  private static final NativeLong NOW = new NativeLong(0);
  private static final int BUTTONS = 7;
  private static final long SHIFT_L = 0xffe1;
  private static final long SHIFT_R = 0xffe2;
  private static final long ISO_LEVEL3_SHIFT = 0xfe03;
  private static final long MODE_SWITCH = 0xff7e;
  private static final long NUM_LOCK = 0xff7f;
  private static final int MAPPING_NOTIFY = 34;
  private static final int MAPPING_MODIFIER = 0;
  private static final int MAPPING_KEYBOARD = 1;

  private final X11Thread thread;
  // Everything below is used on the X thread only.
  private Display display;
  private KeyboardMap map;
  private int numLockMask;
  /** Keysyms the viewer holds down, with the keycode each went to, in press order. */
  private final Map<Long, Integer> held = new LinkedHashMap<>();
  private final X11.XEvent event = new X11.XEvent();
  private int buttons;
  private int x = -1;
  private int y = -1;

  /**
   * Opens {@code displayName} (null for DISPLAY) for input; blocks until it is open (at most
   * 10 s). Call {@link #close()} when done.
   *
   * @throws IllegalStateException when the display cannot be opened or has no XTEST extension
   */
  public X11Input(String displayName) {
    thread = X11Thread.start("plugvnc-x11-input", new X11Thread.Owner() {
      @Override
      public void opened(XClientConnection connection) {
        display = connection.display();
        IntByReference ignored = new IntByReference();
        if (XTestLibrary.INSTANCE.XTestQueryExtension(display, ignored, ignored, ignored,
            ignored) == 0) {
          throw new IllegalStateException(connection.name() + " has no XTEST extension");
        }
        // Fake input keeps working while another client grabs the server.
        XTestLibrary.INSTANCE.XTestGrabControl(display, 1);
        map = new KeyboardMap(display);
        numLockMask = numLockMask();
      }

      @Override
      public void poll() {
        readEvents();
      }

      @Override
      public void closing() {
        releaseAll();
      }
    }, Duration.ofMillis(100), displayName);
  }

  /** Queues the key for the X thread; never blocks. */
  @Override
  public void key(KeyEvent e) {
    thread.submit(() -> {
      if (e.down()) {
        press(normalize(e.keysym()));
      } else {
        release(normalize(e.keysym()));
      }
      X11.INSTANCE.XFlush(display);
    });
  }

  /** Queues the pointer change for the X thread; never blocks. */
  @Override
  public void pointer(PointerEvent e) {
    thread.submit(() -> {
      movePointer(e.x(), e.y());
      changeButtons(e.buttonMask());
      X11.INSTANCE.XFlush(display);
    });
  }

  /** False once the X server went away (logged) or after {@link #close()}. */
  public boolean connected() {
    return !thread.ended();
  }

  /** Releases every key and button still down, gives lent keycodes back, closes the display. */
  @Override
  public void close() {
    thread.stop(() -> {}, X11Thread.CLOSE_WAIT);
  }

  private void press(long keysym) {
    boolean shiftHeld = holds(SHIFT_L) || holds(SHIFT_R);
    boolean level3Held = holds(ISO_LEVEL3_SHIFT) || holds(MODE_SWITCH);
    KeyboardMap.Placement best = null;
    for (KeyboardMap.Placement found : map.find(keysym)) {
      KeyboardMap.Placement p = underLocks(found);
      if (p != null && (best == null
          || p.cost(shiftHeld, level3Held) < best.cost(shiftHeld, level3Held))) {
        best = p;
      }
    }
    if (best == null) {
      int keycode = map.lend(keysym, this::isDown);
      if (keycode == 0) {
        LOG.warn("no keycode for keysym 0x{} and no spare keycode free: dropped",
            Long.toHexString(keysym));
        return;
      }
      best = new KeyboardMap.Placement(keycode, KeyboardMap.Need.EITHER,
          KeyboardMap.Need.EITHER);
    }
    List<Integer> pressed = new ArrayList<>();
    List<Integer> released = new ArrayList<>();
    adjust(best.shift(), shiftHeld, SHIFT_L, SHIFT_R, pressed, released);
    adjust(best.level3(), level3Held, ISO_LEVEL3_SHIFT, MODE_SWITCH, pressed, released);
    fakeKey(best.keycode(), true);
    held.put(keysym, best.keycode());
    // Undo the adjustments: the viewer's own modifiers are as it left them.
    for (int keycode : pressed) {
      fakeKey(keycode, false);
    }
    for (int keycode : released) {
      fakeKey(keycode, true);
    }
  }

  /** Presses a modifier the level needs or releases one held that it must not have. */
  private void adjust(KeyboardMap.Need need, boolean heldNow, long left, long right,
      List<Integer> pressed, List<Integer> released) {
    if (need == KeyboardMap.Need.MUST && !heldNow) {
      int keycode = map.plainKeycode(left);
      if (keycode == 0) {
        keycode = map.plainKeycode(right);
      }
      if (keycode != 0) {
        fakeKey(keycode, true);
        pressed.add(keycode);
      }
    } else if (need == KeyboardMap.Need.MUST_NOT && heldNow) {
      for (long keysym : new long[] {left, right}) {
        Integer keycode = held.get(keysym);
        if (keycode != null) {
          fakeKey(keycode, false);
          released.add(keycode);
        }
      }
    }
  }

  private void release(long keysym) {
    Integer keycode = held.remove(keysym);
    if (keycode == null) {
      // Some viewers release a key under another keysym than they pressed it (Shift let go
      // first: 'A' pressed, 'a' released); release the key that keysym would have pressed.
      int plain = map.plainKeycode(keysym);
      for (Map.Entry<Long, Integer> entry : held.entrySet()) {
        if (entry.getValue() == plain) {
          keycode = entry.getValue();
          held.remove(entry.getKey());
          break;
        }
      }
    }
    if (keycode != null && !isDown(keycode)) {
      fakeKey(keycode, false);
    }
  }

  private void movePointer(int toX, int toY) {
    if (toX != x || toY != y) {
      XTestLibrary.INSTANCE.XTestFakeMotionEvent(display, -1, toX, toY, NOW);
      x = toX;
      y = toY;
    }
  }

  private void changeButtons(int mask) {
    int changed = (mask ^ buttons) & ((1 << BUTTONS) - 1);
    for (int bit = 0; bit < BUTTONS; bit++) {
      if ((changed & (1 << bit)) != 0) {
        XTestLibrary.INSTANCE.XTestFakeButtonEvent(display, bit + 1,
            (mask & (1 << bit)) != 0 ? 1 : 0, NOW);
      }
    }
    buttons ^= changed;
  }

  private void releaseAll() {
    List<Integer> keycodes = new ArrayList<>(held.values());
    held.clear();
    for (int i = keycodes.size() - 1; i >= 0; i--) {
      fakeKey(keycodes.get(i), false);
    }
    changeButtons(0);
    map.restoreSpares();
    X11.INSTANCE.XFlush(display);
  }

  /** Drains the events Xlib queued (only MappingNotify matters) so they never pile up. */
  private void readEvents() {
    while (X11.INSTANCE.XPending(display) > 0) {
      X11.INSTANCE.XNextEvent(display, event);
      if (event.type == MAPPING_NOTIFY) {
        event.setType(X11.XMappingEvent.class);
        event.read();
        X11.XMappingEvent mapping = event.xmapping;
        boolean ours = mapping.count == 1 && map.isSpare(mapping.first_keycode);
        if (mapping.request == MAPPING_KEYBOARD && !ours) {
          map.load();
        } else if (mapping.request == MAPPING_MODIFIER) {
          numLockMask = numLockMask();
        }
      }
    }
  }

  /**
   * The placement as the server's locks make it: with Caps Lock on a letter's Shift is turned
   * around. A keypad key's second level comes with Num Lock only (XKB's KEYPAD type; Shift then
   * gives the first level): unreachable with Num Lock off (null: a spare keycode types it).
   */
  private KeyboardMap.Placement underLocks(KeyboardMap.Placement p) {
    if (p.lock() == KeyboardMap.Lock.NONE || !locked(p.lock())) {
      return p.lock() == KeyboardMap.Lock.NUM && p.shift() == KeyboardMap.Need.MUST ? null : p;
    }
    return p.inverted();
  }

  /** Whether the server's Caps Lock or Num Lock is on now (one round trip). */
  private boolean locked(KeyboardMap.Lock lock) {
    IntByReference mask = new IntByReference();
    IntByReference ignored = new IntByReference();
    X11.WindowByReference window = new X11.WindowByReference();
    X11.INSTANCE.XQueryPointer(display, X11.INSTANCE.XDefaultRootWindow(display), window, window,
        ignored, ignored, ignored, ignored, mask);
    int bit = lock == KeyboardMap.Lock.CAPS ? X11.LockMask : numLockMask;
    return (mask.getValue() & bit) != 0;
  }

  /** The modifier bit Num Lock is on in the server's modifier map (usually Mod2), or 0. */
  private int numLockMask() {
    int numLock = map.plainKeycode(NUM_LOCK);
    X11.XModifierKeymapRef modifiers = X11.INSTANCE.XGetModifierMapping(display);
    if (modifiers == null || numLock == 0) {
      return 0;
    }
    try {
      int per = modifiers.max_keypermod;
      for (int modifier = 0; modifier < 8; modifier++) {
        for (int i = 0; i < per; i++) {
          if (Byte.toUnsignedInt(modifiers.modifiermap.getByte(modifier * per + i)) == numLock) {
            return 1 << modifier;
          }
        }
      }
      return 0;
    } finally {
      X11.INSTANCE.XFreeModifiermap(modifiers);
    }
  }

  private boolean holds(long keysym) {
    return held.containsKey(keysym);
  }

  private boolean isDown(int keycode) {
    return held.containsValue(keycode);
  }

  private void fakeKey(int keycode, boolean down) {
    XTestLibrary.INSTANCE.XTestFakeKeyEvent(display, keycode, down ? 1 : 0, NOW);
  }

  /** Unicode keysyms of Latin-1 characters are the Latin-1 keysyms (X11 keysymdef.h). */
  private static long normalize(int keysym) {
    long k = Integer.toUnsignedLong(keysym);
    if (k >= 0x0100_0020L && k <= 0x0100_00ffL) {
      return k - 0x0100_0000L;
    }
    return k;
  }
}
