package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.RfbClient;

/**
 * Viewers over WebSockets that ask for full frames and never read, many at once, stay under
 * sendBufferTotalLimit as TCP viewers do ({@link SilentClientsMemoryTest}): the engine's updates wait
 * on the WebSocket channel's writability and its output budget sheds them. Each sends its whole
 * handshake (version, security None, ClientInit) and update requests in masked binary frames
 * without reading anything, through a 4 KiB receive window.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class WebSocketSilentViewersTest {

  private static final long MIB = 1 << 20;
  private static final long TOTAL_LIMIT = 16 * MIB;

  @InjectBundleContext
  BundleContext context;

  @InjectService
  ConfigurationAdmin cm;

  WebFixture web;

  @BeforeEach
  void start() throws Exception {
    web = WebFixture.start(context, cm, Map.of(), Map.of("securityTypes", "VncAuth,None",
        "sendBufferTotalLimit", (int) TOTAL_LIMIT));
  }

  /** The resize closed the fixture's native viewer: back to its size, and a new one. */
  @AfterEach
  void stop() throws Exception {
    try {
      web.server.desktop(ServerFixture.WIDTH, ServerFixture.HEIGHT);
      awaitWidth(ServerFixture.WIDTH);
      web.reconnectNativeViewer();
    } finally {
      web.close();
    }
  }

  @Test
  void webSocketViewersThatAskForFramesAndNeverReadStayUnderTheTotalLimit() throws Exception {
    int viewers = 40;
    web.server.desktop(1024, 768); // 3 MiB a full Raw update
    awaitWidth(1024);
    long before = SilentClientsMemoryTest.pooledDirectInUse();
    long peak = before;
    List<RawWebSocket> silent = new ArrayList<>();
    int shed = 0;
    try {
      ByteArrayOutputStream handshake = new ByteArrayOutputStream();
      handshake.writeBytes("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
      handshake.write(1); // None, chosen without reading the offer
      handshake.write(1); // ClientInit: shared
      handshake.writeBytes(SilentViewer.fullUpdateRequest(1024, 768));
      for (int i = 0; i < viewers; i++) {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", web.port));
        RawWebSocket ws = new RawWebSocket(s);
        silent.add(ws);
        assertTrue(ws.upgrade("/websockify", null).startsWith("HTTP/1.1 101"));
        ws.out.write(binaryFrame(handshake.toByteArray()));
        ws.out.flush();
        peak = Math.max(peak, SilentClientsMemoryTest.pooledDirectInUse());
      }
      byte[] again = binaryFrame(SilentViewer.fullUpdateRequest(1024, 768));
      long end = System.nanoTime() + 4_000_000_000L;
      while (System.nanoTime() < end) {
        shed = 0;
        for (RawWebSocket ws : silent) {
          try {
            ws.out.write(again);
            ws.out.flush();
          } catch (IOException closedByTheServer) {
            shed++;
          }
        }
        for (int i = 0; i < 8; i++) {
          Thread.sleep(25);
          peak = Math.max(peak, SilentClientsMemoryTest.pooledDirectInUse());
        }
      }
    } finally {
      for (RawWebSocket ws : silent) {
        ws.close();
      }
    }
    long grown = peak - before;
    assertTrue(shed >= 5, "the output budget shed viewers that never read: " + shed);
    System.out.println("WebSocket never read: " + viewers + " viewers, pool grew " + grown / MIB
        + " MiB at the peak, " + shed + " seen shed");
    // The same bound as for TCP viewers (see SilentClientsMemoryTest); unbounded, 40 x 4 MiB.
    int ioThreads = 2 * Runtime.getRuntime().availableProcessors();
    long bound = TOTAL_LIMIT * 3 / 2 + ioThreads * 6 * MIB;
    assertTrue(grown < bound, viewers + " WebSocket viewers that never read took " + grown / MIB
        + " MiB of buffers at the peak (sendBufferTotalLimit 16 MiB, bound " + bound / MIB + " MiB)");
  }

  /** One masked binary frame (RFC 6455 5.2) carrying {@code payload} (under 64 KiB). */
  static byte[] binaryFrame(byte[] payload) {
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    f.write(0x82);
    if (payload.length < 126) {
      f.write(0x80 | payload.length);
    } else {
      f.write(0x80 | 126);
      f.write(payload.length >> 8);
      f.write(payload.length & 0xff);
    }
    byte[] mask = {0x11, 0x22, 0x33, 0x44};
    f.writeBytes(mask);
    for (int i = 0; i < payload.length; i++) {
      f.write(payload[i] ^ mask[i % 4]);
    }
    return f.toByteArray();
  }

  private void awaitWidth(int width) throws IOException {
    long end = System.nanoTime() + ServerFixture.TIMEOUT.toNanos();
    while (System.nanoTime() < end) {
      try (RfbClient c = web.server.client().securityType(1).connect()) {
        if (c.serverInit().width() == width) {
          return;
        }
      }
    }
  }
}
