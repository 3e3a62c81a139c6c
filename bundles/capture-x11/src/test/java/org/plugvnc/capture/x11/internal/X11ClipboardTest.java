package org.plugvnc.capture.x11.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clipboard both ways with a real xclip on a real Xvfb. */
class X11ClipboardTest {

  private static final String TEXT = "Grüße, 日本語, ✓";
  private static final int MAX_BYTES = 4 * 1024 * 1024;

  private XvfbServer xvfb;
  private Xclip xclip;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private X11Clipboard clipboard;

  @BeforeEach
  void start() throws Exception {
    xvfb = XvfbServer.start();
    xclip = new Xclip(xvfb.display());
  }

  @AfterEach
  void stop() throws Exception {
    if (clipboard != null) {
      clipboard.close();
    }
    xclip.close();
    xvfb.close();
  }

  @Test
  void viewerTextReachesXClientsInEveryTarget() throws Exception {
    clipboard = new X11Clipboard(xvfb.display(), MAX_BYTES, received::add);
    clipboard.set(TEXT);
    assertEquals(TEXT, awaitRead("clipboard", null).utf8());
    assertEquals(TEXT, awaitRead("primary", null).utf8());
    assertEquals(TEXT, xclip.read("clipboard", "UTF8_STRING").utf8());
    assertEquals(TEXT, xclip.read("clipboard", "TEXT").utf8());
    assertEquals("Grüße, ???, ?",
        new String(xclip.read("clipboard", "STRING").out(), StandardCharsets.ISO_8859_1));
    assertEquals(List.of("TARGETS", "UTF8_STRING", "STRING", "TEXT"),
        xclip.read("clipboard", "TARGETS").utf8().lines().toList());
    Xclip.Result refused = xclip.read("clipboard", "image/png");
    assertNotEquals(0, refused.exit(), "a target not offered is refused");
    assertEquals(0, refused.out().length);
    // Text set here is never reported back as changed by an X client.
    assertNull(received.poll(500, TimeUnit.MILLISECONDS));
  }

  @Test
  void xClientTextReachesTheViewerFromClipboardAndPrimary() throws Exception {
    clipboard = new X11Clipboard(xvfb.display(), MAX_BYTES, received::add);
    xclip.own("clipboard", null, TEXT.getBytes(StandardCharsets.UTF_8));
    assertEquals(TEXT, received.poll(10, TimeUnit.SECONDS));
    xclip.own("primary", null, "primary ✓ 選択".getBytes(StandardCharsets.UTF_8));
    assertEquals("primary ✓ 選択", received.poll(10, TimeUnit.SECONDS));
  }

  @Test
  void anOwnerWithOnlyStringIsReadAsLatin1() throws Exception {
    clipboard = new X11Clipboard(xvfb.display(), MAX_BYTES, received::add);
    xclip.own("clipboard", "STRING", "Grüße à Zoë".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("Grüße à Zoë", received.poll(10, TimeUnit.SECONDS));
  }

  @Test
  void largeTextComesWholeInPiecesUnderTheBound() throws Exception {
    clipboard = new X11Clipboard(xvfb.display(), MAX_BYTES, received::add);
    String large = large(3 * 1024 * 1024);
    xclip.own("clipboard", null, large.getBytes(StandardCharsets.UTF_8));
    String got = received.poll(30, TimeUnit.SECONDS);
    assertTrue(got != null, "no text arrived");
    assertEquals(large.length(), got.length());
    assertEquals(large, got);
    assertEquals(1, clipboard.incrementalTransfers(), "xclip sent it in pieces (INCR)");
  }

  @Test
  void largeTextPastTheBoundIsRefusedAndTheNextOneStillArrives() throws Exception {
    clipboard = new X11Clipboard(xvfb.display(), 1024 * 1024, received::add);
    xclip.own("clipboard", null, large(3 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
    assertNull(received.poll(3, TimeUnit.SECONDS), "text past the bound is discarded");
    assertEquals(1, clipboard.incrementalTransfers());
    xclip.own("clipboard", null, TEXT.getBytes(StandardCharsets.UTF_8));
    assertEquals(TEXT, received.poll(10, TimeUnit.SECONDS));
  }

  @Test
  void wholeTextPastTheBoundIsRefused() throws Exception {
    clipboard = new X11Clipboard(xvfb.display(), 16, received::add);
    xclip.own("clipboard", null, "seventeen bytes!!".getBytes(StandardCharsets.UTF_8));
    assertNull(received.poll(2, TimeUnit.SECONDS));
    xclip.own("clipboard", null, "sixteen bytes!!!".getBytes(StandardCharsets.UTF_8));
    assertEquals("sixteen bytes!!!", received.poll(10, TimeUnit.SECONDS));
  }

  /** xclip -o until it has text (set() is asynchronous). */
  private Xclip.Result awaitRead(String selection, String target) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Xclip.Result result = xclip.read(selection, target);
    while (result.exit() != 0 && System.nanoTime() < end) {
      Thread.sleep(50);
      result = xclip.read(selection, target);
    }
    return result;
  }

  /** At least {@code bytes} of UTF-8: mixed scripts, every line numbered so a lost piece shows. */
  private static String large(int bytes) {
    StringBuilder text = new StringBuilder();
    int size = 0;
    for (int line = 0; size < bytes; line++) {
      String next = line + " " + TEXT + " — " + "x".repeat(line % 50) + "\n";
      text.append(next);
      size += next.getBytes(StandardCharsets.UTF_8).length;
    }
    return text.toString();
  }
}
