package org.plugvnc.capture.x11.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;

/**
 * The X server killed under open X11Input and X11Clipboard: Xlib's default handlers would exit
 * the JVM (this test would never finish); here the classes notice, log, and close cleanly, and
 * a new X server can be used at once.
 */
class XServerLossTest {

  @Test
  void killedXServerEndsNeitherTheJvmNorLaterConnections() throws Exception {
    XvfbServer xvfb = XvfbServer.start();
    X11Input input = new X11Input(xvfb.display());
    X11Clipboard clipboard = new X11Clipboard(xvfb.display(), 1024, text -> {});
    input.key(new KeyEvent(true, 0x61, 0)); // a key still down when the server dies
    input.pointer(new PointerEvent(1, 10, 10));
    clipboard.set("owned when the server dies");
    Thread.sleep(200);
    assertTrue(input.connected());
    assertTrue(clipboard.connected());

    xvfb.kill();
    awaitDisconnected(input::connected);
    awaitDisconnected(clipboard::connected);
    // Calls after the loss are quietly dropped, and closing does not hang or throw.
    input.key(new KeyEvent(false, 0x61, 0));
    input.pointer(new PointerEvent(0, 10, 10));
    clipboard.set("after the loss");
    long start = System.nanoTime();
    input.close();
    clipboard.close();
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "close was quick");

    // Xlib itself is still fine: a new server and new connections work.
    try (XvfbServer next = XvfbServer.start();
        Xclip xclip = new Xclip(next.display())) {
      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      X11Clipboard again = new X11Clipboard(next.display(), 1024, received::add);
      try {
        xclip.own("clipboard", null, "alive".getBytes(StandardCharsets.UTF_8));
        assertEquals("alive", received.poll(10, TimeUnit.SECONDS));
      } finally {
        again.close();
      }
      assertFalse(again.connected());
    }
  }

  @Test
  void closingOnAHungXServerGivesUpInTimeForTheEnginesBackendSwitch() throws Exception {
    try (XvfbServer xvfb = XvfbServer.start()) {
      X11Input input = new X11Input(xvfb.display());
      X11Clipboard clipboard = new X11Clipboard(xvfb.display(), 1024, text -> {});
      Thread.sleep(200);
      xvfb.signal("STOP"); // alive but answering nothing: Xlib calls block
      try {
        clipboard.set("while hung"); // its thread now waits inside Xlib
        input.key(new KeyEvent(true, 0x61, 0));
        long start = System.nanoTime();
        input.close();
        clipboard.close();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // Each close waits X11Thread.CLOSE_WAIT at most; the engine waits 10 s for a whole switch,
        // of which the capture thread may take 3 s.
        assertTrue(millis < 2 * X11Thread.CLOSE_WAIT.toMillis() + 1500,
            "both closes gave up within their waits: " + millis + " ms");
      } finally {
        xvfb.signal("CONT");
      }
    }
  }

  private static void awaitDisconnected(java.util.function.BooleanSupplier connected)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (connected.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the loss of the X server was not noticed in 10 s");
      }
      Thread.sleep(20);
    }
  }
}
