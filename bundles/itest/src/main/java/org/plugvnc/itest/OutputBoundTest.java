package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.management.VncManagement;
import org.plugvnc.client.FramebufferUpdate;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.ServerCutText;
import org.plugvnc.client.SetColourMapEntries;

/**
 * A viewer that stops reading costs the server a bounded amount of memory, whatever it or the other
 * viewers send: every server message goes through one bounded path where a newer colour map or
 * clipboard text replaces one still waiting.
 */
@ExtendWith(ServiceExtension.class)
class OutputBoundTest {

  /** Well above the default high-water mark (256 KiB) plus one message of each kind. */
  private static final long BOUND = 24L << 20;

  @InjectService
  ConfigurationAdmin cm;

  @InjectService
  VncManagement management;

  @Test
  void colourMapRequestsFromAViewerThatNeverReadsDoNotPileUp() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None", Map.of());
    try (SilentViewer silent = new SilentViewer(server.port);
        RfbClient witness = server.client().securityType(1).connect()) {
      long before = SilentViewer.directMemory();
      long peak = before;
      // 2 MB of requests: each used to queue a 1.5 KiB reply, 150 MiB in all.
      byte[] batch = repeat(SilentViewer.colourMapPixelFormat(), 1000);
      for (int i = 0; i < 100; i++) {
        silent.send(batch);
        peak = Math.max(peak, SilentViewer.directMemory());
      }
      // The marker comes after every request on the same connection: once the witness has it, the
      // server has handled them all, and whatever it queued for the silent viewer is still there.
      silent.send(SilentViewer.clientCutText("all sent"));
      assertEquals("all sent", awaitText(witness, "all sent"));
      peak = Math.max(peak, SilentViewer.directMemory());
      assertTrue(peak - before < BOUND, "direct memory grew by " + (peak - before) + " bytes");
      // Once it reads again it gets the maps that were on their way and then the latest one.
      SilentViewer.Message m = silent.read();
      assertEquals(1, m.type(), "SetColourMapEntries");
    }
  }

  @Test
  void clipboardTextForAViewerThatNeverReadsIsReplacedNotQueued() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None", Map.of("maxCutText", 1 << 20));
    try (SilentViewer silent = new SilentViewer(server.port);
        RfbClient sender = server.client().securityType(1).connect();
        RfbClient reader = server.client().securityType(1).connect()) {
      long before = SilentViewer.directMemory();
      long peak = before;
      String last = null;
      int texts = 60;
      for (int i = 0; i < texts; i++) {
        last = text(i, 1_000_000);
        sender.clientCutText(last);
        peak = Math.max(peak, SilentViewer.directMemory());
      }
      assertEquals(last, awaitText(reader, last), "a reading viewer gets the latest text");
      peak = Math.max(peak, SilentViewer.directMemory());
      assertTrue(peak - before < BOUND, "direct memory grew by " + (peak - before) + " bytes");
      int received = 0;
      String seen = null;
      while (!last.equals(seen)) {
        SilentViewer.Message m = silent.read();
        if (m.type() == 3) {
          seen = m.text();
          received++;
        }
      }
      assertTrue(received < texts / 2, "superseded texts were not all sent: " + received);
    }
  }

  /**
   * Each viewer that asks for a full update and never reads holds a whole frame; together they
   * must not take the room the others' updates need: past sendBufferTotalLimit the ones that do
   * not read are closed, and the one that reads keeps getting its updates.
   */
  @Test
  void viewersThatAskForFramesAndNeverReadAreShedAtTheTotalLimit() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None", Map.of("sendBufferTotalLimit", 16 << 20));
    server.desktop(1024, 768); // 3 MiB a full Raw update
    List<SilentViewer> silent = new ArrayList<>();
    try (RfbClient reader = awaitSize(server, 1024)) {
      askTwiceForFrames(server, 30, silent); // 30 x 3 MiB queued
      for (int i = 0; i < 5; i++) {
        reader.requestUpdate(false, 0, 0, 64, 64);
        reader.awaitUpdate(TIMEOUT);
      }
      int closed = 0;
      long end = System.nanoTime() + TIMEOUT.toNanos();
      List<SilentViewer> open = new ArrayList<>(silent);
      long nextAsk = System.nanoTime();
      while (closed < 5 && System.nanoTime() < end) {
        boolean ask = System.nanoTime() >= nextAsk;
        for (Iterator<SilentViewer> it = open.iterator(); it.hasNext(); ) {
          SilentViewer v = it.next();
          if (v.closedByServer(20)) {
            it.remove();
            closed++;
          } else if (ask) {
            // Keep asking: on a slow start a viewer's two requests can merge into one frame,
            // which the kernel's buffers absorb; the next one stays queued in the server.
            askAgain(v);
          }
        }
        nextAsk = ask ? System.nanoTime() + 400_000_000L : nextAsk;
      }
      assertTrue(closed >= 5, "viewers closed for not reading: " + closed + " of 30");
      reader.requestUpdate(false, 0, 0, 64, 64);
      reader.awaitUpdate(TIMEOUT);
      assertEquals(ServerFixture.pattern(5, 5, 1024, 768), reader.pixel(5, 5));
    } finally {
      for (SilentViewer v : silent) {
        v.close();
      }
    }
  }

  /**
   * A viewer need not pass its high-water mark to hold memory: with the mark above a frame, each
   * of these holds two frames' worth while its socket counts as writable. What is not moving is
   * what the budget sheds.
   */
  @Test
  void viewersBelowTheirHighWaterMarkThatNeverReadAreShedToo() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None", Map.of("sendBufferTotalLimit", 16 << 20,
        "sendBufferHighWater", 8 << 20));
    server.desktop(1024, 768);
    List<SilentViewer> silent = new ArrayList<>();
    try (RfbClient reader = awaitSize(server, 1024)) {
      askTwiceForFrames(server, 12, silent);
      // On a loaded machine the silent viewers' frames may still be encoding when the reader
      // first asks, so there is room yet: ask again until some are shed (the server's session
      // count drops; the silent viewers must not read meanwhile), then see them closed.
      long end = System.nanoTime() + TIMEOUT.toNanos();
      do {
        Thread.sleep(300);
        reader.requestUpdate(false, 0, 0, 1024, 768); // needs 3 MiB of room
        reader.awaitUpdate(TIMEOUT);
        assertEquals(ServerFixture.pattern(1000, 700, 1024, 768), reader.pixel(1000, 700));
      } while (management.sessions().size() > silent.size() && System.nanoTime() < end);
      int closed = 0;
      for (SilentViewer v : silent) {
        closed += v.closedByServer(20) ? 1 : 0;
      }
      assertTrue(closed > 0, "the viewers that did not read were shed");
    } finally {
      for (SilentViewer v : silent) {
        v.close();
      }
    }
  }

  private static void askAgain(SilentViewer v) {
    try {
      v.send(SilentViewer.fullUpdateRequest(1024, 768));
    } catch (IOException closing) {
      // the server is closing it: counted by closedByServer
    }
  }

  /**
   * Connects {@code count} viewers that never read, each asking for two full 1024x768 frames: the
   * kernel's send buffer (up to 4 MiB on loopback) takes the first, and most of the second stays
   * queued in the server.
   */
  private static void askTwiceForFrames(ServerFixture server, int count, List<SilentViewer> into)
      throws IOException, InterruptedException {
    for (int i = 0; i < count; i++) {
      SilentViewer v = new SilentViewer(server.port);
      into.add(v);
      v.send(SilentViewer.fullUpdateRequest(1024, 768));
    }
    Thread.sleep(400);
    for (SilentViewer v : into) {
      v.send(SilentViewer.fullUpdateRequest(1024, 768));
    }
  }

  private static RfbClient awaitSize(ServerFixture server, int width) throws IOException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      RfbClient c = server.client().securityType(1).encodings(RfbNumbers.ENCODING_RAW).connect();
      if (c.serverInit().width() == width || System.nanoTime() > end) {
        return c;
      }
      c.close();
    }
  }

  @Test
  void theColourMapIsFlushedBeforeTheViewerAsksForPixels() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None", Map.of());
    try (RfbClient c = server.client().securityType(1).encodings(RfbNumbers.ENCODING_RAW).connect()) {
      c.setPixelFormat(PixelFormat.INDEXED_8);
      // A viewer that waits for the map before it requests anything must get it.
      SetColourMapEntries map = c.await(SetColourMapEntries.class, TIMEOUT);
      assertEquals(256, map.rgb16().length / 3);
    }
  }

  @Test
  void aCursorNewlyListedAnswersTheRequestAlreadyPending() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None", Map.of());
    try (RfbClient c = server.client().securityType(1).encodings(RfbNumbers.ENCODING_RAW).connect()) {
      c.refresh(TIMEOUT);
      c.requestUpdate(true); // nothing changes on the test pattern: this request stays pending
      c.setEncodings(RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_CURSOR);
      FramebufferUpdate u = c.awaitUpdate(TIMEOUT);
      assertTrue(u.hasEncoding(RfbNumbers.ENCODING_CURSOR), "the cursor answers it: " + u);
    }
  }

  @Test
  void theCursorIsSentAgainInANewPixelFormat() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None", Map.of());
    try (RfbClient c = server.client().securityType(1)
        .encodings(RfbNumbers.ENCODING_RAW, RfbNumbers.ENCODING_CURSOR).connect()) {
      assertTrue(c.refresh(TIMEOUT).hasEncoding(RfbNumbers.ENCODING_CURSOR));
      c.setPixelFormat(PixelFormat.RGB565_LE);
      c.requestUpdate(true);
      FramebufferUpdate u = c.awaitUpdate(TIMEOUT);
      assertTrue(u.hasEncoding(RfbNumbers.ENCODING_CURSOR), "the cursor in 16 bpp: " + u);
    }
  }

  private static String awaitText(RfbClient c, String wanted) throws IOException {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    String got = null;
    while (!wanted.equals(got) && System.nanoTime() < end) {
      got = c.await(ServerCutText.class, TIMEOUT).text();
    }
    return got;
  }

  private static String text(int i, int length) {
    char[] c = new char[length];
    Arrays.fill(c, (char) ('a' + i % 26));
    return i + ":" + new String(c, 0, length - 8);
  }

  private static byte[] repeat(byte[] message, int times) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(message.length * times);
    for (int i = 0; i < times; i++) {
      b.writeBytes(message);
    }
    return b.toByteArray();
  }
}
