package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.ServerCutText;
import org.plugvnc.client.ServerMessage;

/**
 * Clipboard text on its way from many viewers at once is bounded in total: each text is bounded by
 * maxCutText, but hundreds of viewers each holding one nearly complete would hold hundreds of them.
 * Past cutTextTotalLimit a viewer's long text waits, its socket unread, until there is room.
 */
@ExtendWith(ServiceExtension.class)
class InputBoundTest {

  private static final int MAX_CUT = 1 << 20;

  @InjectService
  ConfigurationAdmin cm;

  @Test
  void longTextsBeyondTheTotalWaitForRoom() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None",
        Map.of("maxCutText", MAX_CUT, "cutTextTotalLimit", 2 * MAX_CUT));
    List<SilentViewer> holders = new ArrayList<>();
    try (RfbClient reader = server.client().securityType(1).connect();
        SilentViewer late = new SilentViewer(server.port)) {
      for (int i = 0; i < 4; i++) {
        SilentViewer v = new SilentViewer(server.port);
        holders.add(v);
        // all of a 1 MiB text but its last byte: held on the server until it completes
        byte[] text = SilentViewer.clientCutText("h".repeat(MAX_CUT));
        v.send(Arrays.copyOf(text, text.length - 1));
      }
      Thread.sleep(300); // the server has read what it takes of them
      String mine = "late text " + "z".repeat(MAX_CUT - 20);
      late.send(SilentViewer.clientCutText(mine));
      assertEquals(Optional.empty(), cutText(reader, Duration.ofMillis(1000)),
          "two texts fill the room; the late one must wait");
      for (SilentViewer v : holders) {
        v.close();
      }
      Optional<String> got = cutText(reader, TIMEOUT);
      assertTrue(got.isPresent(), "room again: the late text arrives");
      assertEquals(mine, got.get());
    } finally {
      for (SilentViewer v : holders) {
        v.close();
      }
    }
  }

  @Test
  void shortTextsAreNotHeldBackByLongOnes() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None",
        Map.of("maxCutText", MAX_CUT, "cutTextTotalLimit", MAX_CUT));
    try (RfbClient reader = server.client().securityType(1).connect();
        SilentViewer holder = new SilentViewer(server.port);
        RfbClient writer = server.client().securityType(1).connect()) {
      byte[] text = SilentViewer.clientCutText("h".repeat(MAX_CUT));
      holder.send(Arrays.copyOf(text, text.length - 1));
      Thread.sleep(300);
      writer.clientCutText("short");
      assertEquals(Optional.of("short"), cutText(reader, TIMEOUT));
    }
  }

  /** The next ServerCutText within {@code wait}, skipping other messages. */
  private static Optional<String> cutText(RfbClient c, Duration wait) throws IOException {
    long end = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < end) {
      Optional<ServerMessage> m = c.poll(Duration.ofMillis(50));
      if (m.isPresent() && m.get() instanceof ServerCutText t) {
        return Optional.of(t.text());
      }
    }
    return Optional.empty();
  }

  /**
   * A viewer whose long text waits for room is not read meanwhile: what it sends stays in the
   * kernel's buffers. Before the pause held, each such viewer pushed tens of MiB into the server.
   */
  @Test
  void aViewerWaitingForRoomIsNotRead() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None",
        Map.of("maxCutText", MAX_CUT, "cutTextTotalLimit", MAX_CUT));
    try (SilentViewer holder = new SilentViewer(server.port);
        SilentViewer waiting = new SilentViewer(server.port)) {
      byte[] text = SilentViewer.clientCutText("h".repeat(MAX_CUT));
      holder.send(Arrays.copyOf(text, text.length - 1)); // holds all the room
      Thread.sleep(300);
      waiting.send(Arrays.copyOf(text, 8)); // a header: this one must wait
      Flood flood = Flood.start(waiting::send);
      Thread.sleep(1500);
      long taken = flood.sent();
      System.out.println("InputBoundTest: a waiting viewer could send " + (taken >> 10) + " KiB");
      assertTrue(taken < (12L << 20), "the server took " + (taken >> 20) + " MiB while waiting");
    }
  }
}
