package org.plugvnc.capture.awt.internal;

import java.awt.Robot;
import java.awt.event.InputEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.plugvnc.api.capture.InputSink;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.capture.awt.internal.KeysymMapping.Key;
import org.plugvnc.capture.awt.internal.KeysymMapping.Shift;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Viewers' keys and pointer, played through {@link Robot} on a thread of its own: the engine's I/O
 * threads only queue (a full queue drops the event), because Robot calls wait for the window
 * system. Buttons 1 to 3 are pressed and released as they change; buttons 4 and 5 turn the wheel
 * one notch when pressed; buttons 6 to 8 (horizontal scrolling) have no Robot equivalent and are
 * ignored. Keys go through {@link KeysymMapping}; keysyms it lacks are dropped.
 */
final class RobotInput implements InputSink {

  static final String THREAD_NAME = "plugvnc-awt-input";
  static final int MAX_PENDING = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(RobotInput.class);
  private static final int SHIFT_L = 0xffe1;
  private static final int SHIFT_R = 0xffe2;

  private final ThreadPoolExecutor thread;
  private final PointerTracker pointer;
  private volatile ScreenGrabber screen;

  // input thread only
  private final Map<Integer, Integer> pressedKeys = new HashMap<>();
  private final Set<Integer> viewerShifts = new HashSet<>();
  private int buttons;

  RobotInput(ScreenGrabber screen, PointerTracker pointer) {
    this.screen = screen;
    this.pointer = pointer;
    thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(MAX_PENDING), task -> {
          Thread t = new Thread(task, THREAD_NAME);
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
  }

  /** Plays later events on {@code next} (the configured screen changed). */
  void useScreen(ScreenGrabber next) {
    screen = next;
  }

  @Override
  public void key(KeyEvent event) {
    if (event != null) {
      thread.execute(() -> safely(() -> playKey(event)));
    }
  }

  @Override
  public void pointer(PointerEvent event) {
    if (event != null) {
      thread.execute(() -> safely(() -> playPointer(event)));
    }
  }

  /** Releases whatever viewers left pressed; queued, so it follows their last events. */
  void releaseAll() {
    thread.execute(() -> safely(this::releaseEverything));
  }

  /** Releases what is pressed, then ends the thread; waits up to {@code millis} for it. */
  void close(long millis) {
    releaseAll();
    thread.shutdown();
    try {
      if (!thread.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
        LOG.warn("AWT input thread did not stop within {} ms", millis);
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void safely(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.debug("AWT input event failed: {}", e.toString());
    }
  }

  private void playKey(KeyEvent event) {
    int keysym = event.keysym();
    Robot robot = screen.robot();
    if (!event.down()) {
      Integer vk = pressedKeys.remove(keysym);
      Key key = KeysymMapping.lookup(keysym);
      if (vk != null || key != null) {
        robot.keyRelease(vk != null ? vk : key.vk());
      }
      viewerShifts.remove(keysym);
      return;
    }
    Key key = KeysymMapping.lookup(keysym);
    if (key == null) {
      LOG.debug("keysym 0x{} cannot be typed through Robot, dropped", Integer.toHexString(keysym));
      return;
    }
    boolean shiftHeld = !viewerShifts.isEmpty();
    if (key.shift() == Shift.DOWN && !shiftHeld) {
      robot.keyPress(java.awt.event.KeyEvent.VK_SHIFT);
      robot.keyPress(key.vk());
      robot.keyRelease(java.awt.event.KeyEvent.VK_SHIFT);
    } else if (key.shift() == Shift.UP && shiftHeld) {
      robot.keyRelease(java.awt.event.KeyEvent.VK_SHIFT);
      robot.keyPress(key.vk());
      robot.keyPress(java.awt.event.KeyEvent.VK_SHIFT);
    } else {
      robot.keyPress(key.vk());
    }
    pressedKeys.put(keysym, key.vk());
    if (keysym == SHIFT_L || keysym == SHIFT_R) {
      viewerShifts.add(keysym);
    }
  }

  private void playPointer(PointerEvent event) {
    ScreenGrabber target = screen;
    pointer.moveForViewer(target, event.x(), event.y());
    Robot robot = target.robot();
    int changed = event.buttonMask() ^ buttons;
    for (int button = 1; button <= 3; button++) {
      int bit = 1 << (button - 1);
      if ((changed & bit) != 0) {
        if ((event.buttonMask() & bit) != 0) {
          robot.mousePress(InputEvent.getMaskForButton(button));
        } else {
          robot.mouseRelease(InputEvent.getMaskForButton(button));
        }
      }
    }
    int pressedNow = changed & event.buttonMask();
    if ((pressedNow & 0x08) != 0) {
      robot.mouseWheel(-1); // button 4: up
    }
    if ((pressedNow & 0x10) != 0) {
      robot.mouseWheel(1); // button 5: down
    }
    buttons = event.buttonMask();
  }

  private void releaseEverything() {
    Robot robot = screen.robot();
    List<Integer> keys = new ArrayList<>(pressedKeys.values());
    pressedKeys.clear();
    viewerShifts.clear();
    for (int vk : keys) {
      safely(() -> robot.keyRelease(vk));
    }
    for (int button = 1; button <= 3; button++) {
      if ((buttons & (1 << (button - 1))) != 0) {
        int mask = InputEvent.getMaskForButton(button);
        safely(() -> robot.mouseRelease(mask));
      }
    }
    buttons = 0;
  }
}
