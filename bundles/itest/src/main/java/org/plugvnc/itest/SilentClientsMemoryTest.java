package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.PoolArenaMetric;
import io.netty.buffer.PoolChunkListMetric;
import io.netty.buffer.PoolChunkMetric;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.RfbClient;

/**
 * Clients that never read, many at once, cost the server a bounded amount of memory: in the
 * handshake (version sent, VNC Authentication chosen, nothing read, a 1 KiB receive window) and
 * after it (full frames asked for and never read, under sendBufferTotalLimit). Measured as the
 * bytes in use in the Netty pool's direct chunks, which every buffer of the engine comes from; the
 * test runs in the server's JVM.
 */
@ExtendWith(ServiceExtension.class)
class SilentClientsMemoryTest {

  private static final long MIB = 1 << 20;

  @InjectService
  ConfigurationAdmin cm;

  @Test
  void handshakesThatNeverReadHoldNoBuffers() throws Exception {
    int clients = 300;
    ServerFixture server = ServerFixture.start(cm, "VncAuth", Map.of(
        "maxUnauthenticatedPerAddress", 1000, "maxUnauthenticated", 1000));
    for (int i = 0; i < 3; i++) {
      server.client().securityType(2).password(ServerFixture.PASSWORD).connect().close();
    }
    ByteArrayOutputStream greeting = new ByteArrayOutputStream();
    greeting.writeBytes("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
    greeting.write(2); // VNC Authentication, chosen without reading the offer
    long before = pooledDirectInUse();
    try (HalfOpenSockets silent = HalfOpenSockets.open(server.port,
        InetAddress.getByName("127.0.0.2"), clients, greeting.toByteArray(), 1024)) {
      // A viewer that gets in after them was accepted after them: their handshakes have begun.
      server.client().securityType(2).password(ServerFixture.PASSWORD).connect().close();
      Thread.sleep(500);
      long grown = pooledDirectInUse() - before;
      // None holds a buffer (0 bytes measured here): what the server wrote went to the kernel. One
      // read buffer kept per client (2 KiB at least) would be 600 KiB.
      assertTrue(grown < 512 * 1024, clients + " silent handshakes took " + grown + " bytes of buffers");
      assertEquals(0, silent.closed(), "all still waiting, their challenges unread");
    }
  }

  @Test
  void viewersThatAskForFramesAndNeverReadStayUnderTheTotalLimit() throws Exception {
    int viewers = 40;
    long totalLimit = 16 * MIB;
    ServerFixture server = ServerFixture.start(cm, "None", Map.of(
        "sendBufferTotalLimit", (int) totalLimit));
    server.desktop(1024, 768); // 3 MiB a full Raw update
    awaitWidth(server, 1024);
    long before = pooledDirectInUse();
    long peak = before;
    List<SilentViewer> silent = new ArrayList<>();
    try {
      for (int i = 0; i < viewers; i++) {
        SilentViewer v = new SilentViewer(server.port);
        silent.add(v);
        v.send(SilentViewer.fullUpdateRequest(1024, 768));
        peak = Math.max(peak, pooledDirectInUse());
      }
      long end = System.nanoTime() + 4_000_000_000L;
      while (System.nanoTime() < end) {
        for (SilentViewer v : silent) {
          try {
            v.send(SilentViewer.fullUpdateRequest(1024, 768));
          } catch (IOException closedByTheServer) {
            // shed for not reading
          }
        }
        for (int i = 0; i < 8; i++) {
          Thread.sleep(25);
          peak = Math.max(peak, pooledDirectInUse());
        }
      }
    } finally {
      for (SilentViewer v : silent) {
        v.close();
      }
    }
    long grown = peak - before;
    // The limit counts the bytes queued; their buffers are larger (an update's buffer grows by
    // doubling: 4 MiB for a 3 MiB frame), and each I/O thread may be encoding one more update,
    // growing from 2 MiB to 4 MiB, before it is queued. Unbounded, each viewer would hold at least
    // one frame beyond what the kernel takes: 40 x 4 MiB.
    int ioThreads = 2 * Runtime.getRuntime().availableProcessors();
    long bound = totalLimit * 3 / 2 + ioThreads * 6 * MIB;
    assertTrue(grown < bound, viewers + " viewers that never read took " + grown / MIB
        + " MiB of buffers at the peak (sendBufferTotalLimit 16 MiB, bound " + bound / MIB + " MiB)");
  }

  private static void awaitWidth(ServerFixture server, int width) throws IOException {
    long end = System.nanoTime() + ServerFixture.TIMEOUT.toNanos();
    while (System.nanoTime() < end) {
      try (RfbClient c = server.client().securityType(1).connect()) {
        if (c.serverInit().width() == width) {
          return;
        }
      }
    }
  }

  /** Bytes of the pool's direct chunks in use (by buffers, or cached for reuse by a thread). */
  static long pooledDirectInUse() {
    long used = 0;
    for (PoolArenaMetric arena : PooledByteBufAllocator.DEFAULT.metric().directArenas()) {
      for (PoolChunkListMetric list : arena.chunkLists()) {
        for (PoolChunkMetric chunk : list) {
          used += chunk.chunkSize() - chunk.freeBytes();
        }
      }
    }
    return used;
  }
}
