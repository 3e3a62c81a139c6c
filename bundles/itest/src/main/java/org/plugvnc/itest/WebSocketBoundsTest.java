package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.web.WebContent;
import org.plugvnc.api.web.WebResource;

/**
 * Browsers' connections that never read, many at once, against the WebSocket transport's bounds:
 * a WebSocket that sends pings and never reads the pongs, and hundreds of HTTP clients that ask
 * for a large file and never read it. Measured as the bytes in use in the Netty pool's direct
 * chunks, as {@link SilentClientsMemoryTest} does (the test runs in the server's JVM).
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class WebSocketBoundsTest {

  private static final long MIB = 1 << 20;
  private static final int BIG = 4 << 20;

  @InjectBundleContext
  BundleContext context;

  @InjectService
  ConfigurationAdmin cm;

  WebFixture web;
  ServiceRegistration<WebContent> big;

  @BeforeEach
  void start() throws Exception {
    web = WebFixture.start(context, cm, Map.of(), Map.of(
        "maxConnections", 1000, "maxUnauthenticatedPerAddress", 1000, "maxUnauthenticated", 1000));
    Dictionary<String, Object> props = new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 20));
    WebResource file = WebResource.of("text/javascript", new byte[BIG], Instant.parse("2026-01-01T00:00:00Z"));
    big = context.registerService(WebContent.class,
        path -> Optional.ofNullable(path.equals("big.js") ? file : null), props);
  }

  @AfterEach
  void stop() throws Exception {
    big.unregister();
    web.close();
  }

  /**
   * 64 MiB of pings (125-byte payloads, the most a control frame may carry) on one WebSocket in
   * its RFB handshake that never reads: every ping answered at once would queue ~64 MiB of pongs
   * until the handshake timeout (30 s).
   */
  @Test
  void pingsFromAWebSocketThatNeverReadsQueueNoPongs() throws Exception {
    long before = SilentClientsMemoryTest.pooledDirectInUse();
    Socket s = new Socket();
    s.setReceiveBufferSize(4096);
    s.connect(new InetSocketAddress("127.0.0.1", web.port));
    try (RawWebSocket ws = new RawWebSocket(s)) {
      assertTrue(ws.upgrade("/websockify", null).startsWith("HTTP/1.1 101"));
      byte[] pings = maskedPings(125, 4096);
      AtomicLong sent = new AtomicLong();
      Thread writer = new Thread(() -> {
        try {
          OutputStream out = ws.out;
          for (int i = 0; i < (64 * MIB) / pings.length; i++) {
            out.write(pings);
            sent.addAndGet(pings.length);
          }
        } catch (IOException closed) {
          // the server closed it, or the test did
        }
      }, "ping-flood");
      writer.setDaemon(true);
      writer.start();
      long peak = before;
      long end = System.nanoTime() + 6_000_000_000L;
      while (System.nanoTime() < end && writer.isAlive()) {
        Thread.sleep(20);
        peak = Math.max(peak, SilentClientsMemoryTest.pooledDirectInUse());
      }
      Thread.sleep(200);
      peak = Math.max(peak, SilentClientsMemoryTest.pooledDirectInUse());
      long grown = peak - before;
      System.out.println("ping flood: sent " + sent.get() / MIB + " MiB of pings, pool grew "
          + grown / 1024 + " KiB at the peak");
      assertTrue(sent.get() > 8 * MIB, "the server kept reading: " + sent.get() + " bytes sent");
      // The JVM's whole pool is measured, so other connections' buffers count too: the bound
      // is loose (without it, pongs queued 56 MiB for this flood).
      assertTrue(grown < 16 * MIB, "pings never read took " + grown / 1024 + " KiB of buffers after "
          + sent.get() / MIB + " MiB of pings");
    }
  }

  /**
   * 300 clients GET a 4 MiB file with a 4 KiB receive window and never read: what each holds is
   * bounded (about one write-buffer high-water mark plus one chunk, not the file), and each is
   * closed once its response has made no progress for the idle timeout (3 s here); without that,
   * they would hold their sockets for ever.
   */
  @Test
  void httpClientsThatNeverReadALargeFileAreBoundedAndClosed() throws Exception {
    int clients = 300;
    long before = SilentClientsMemoryTest.pooledDirectInUse();
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", web.port));
        s.getOutputStream().write(("GET /big.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        sockets.add(s);
      }
      long peak = before;
      for (int i = 0; i < 50; i++) {
        Thread.sleep(20);
        peak = Math.max(peak, SilentClientsMemoryTest.pooledDirectInUse());
      }
      long grown = peak - before;
      System.out.println("HTTP never read: " + clients + " GETs of a 4 MiB file, pool grew "
          + grown / 1024 + " KiB at the peak");
      assertTrue(grown < clients * 160 * 1024L, clients + " unread responses took " + grown / MIB + " MiB");
      // Nothing is read meanwhile: a read would be progress. Then each is drained: one the server
      // closed ends after what the kernel still held; one it did not, never ends.
      Thread.sleep(3000 + 4000);
      for (int i = 0; i < sockets.size(); i++) {
        assertTrue(closedByServer(sockets.get(i)), "client " + i + " of " + clients + " is still open: "
            + "a response never read is closed once it made no progress for the idle timeout");
      }
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  /**
   * 300 TLS handshakes on the web port from three addresses (100 each, the per-address limit), each
   * a record header announcing 16 KiB and 16,000 bytes of it, never finished: each holds at most one
   * record until the request timeout (2 s here), which closes them all.
   */
  @Test
  void halfDoneTlsHandshakesAreBoundedAndClosedAtTheRequestTimeout() throws Exception {
    byte[] partial = new byte[5 + 16_000];
    partial[0] = 0x16; // handshake
    partial[1] = 3;
    partial[2] = 3;
    partial[3] = 0x40; // 16,384 bytes announced
    partial[4] = 0;
    partial[5] = 1; // ClientHello
    long before = SilentClientsMemoryTest.pooledDirectInUse();
    List<HalfOpenSockets> floods = new ArrayList<>();
    try {
      for (int a = 2; a <= 4; a++) {
        floods.add(HalfOpenSockets.open(web.port, java.net.InetAddress.getByName("127.0.0." + a), 100,
            partial, 0));
      }
      long peak = before;
      for (int i = 0; i < 40; i++) {
        Thread.sleep(20);
        peak = Math.max(peak, SilentClientsMemoryTest.pooledDirectInUse());
      }
      long grown = peak - before;
      System.out.println("half TLS handshakes: 300 of 16,000 bytes, pool grew " + grown / 1024 + " KiB at the peak");
      assertTrue(grown < 300 * 64 * 1024L, "300 half handshakes took " + grown / 1024 + " KiB");
      for (HalfOpenSockets f : floods) {
        assertEquals(0, f.awaitOpenAtMost(0, 2000 + 4000), "the request timeout closes them");
      }
    } finally {
      floods.forEach(HalfOpenSockets::close);
    }
  }

  /**
   * Whether the server has closed {@code s} (reset or end of stream), draining what it had
   * buffered; a client that reads now sees the end once the server gave up on it.
   */
  private static boolean closedByServer(Socket s) {
    try {
      s.setSoTimeout(1000);
      byte[] b = new byte[65536];
      while (true) {
        if (s.getInputStream().read(b) < 0) {
          return true;
        }
      }
    } catch (java.net.SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  /** {@code count} masked ping frames of {@code payload} bytes each (RFC 6455 5.5.2). */
  static byte[] maskedPings(int payload, int count) {
    int frame = 2 + 4 + payload;
    byte[] all = new byte[frame * count];
    for (int i = 0; i < count; i++) {
      int o = i * frame;
      all[o] = (byte) 0x89; // FIN, ping
      all[o + 1] = (byte) (0x80 | payload); // masked
      all[o + 2] = 1;
      all[o + 3] = 2;
      all[o + 4] = 3;
      all[o + 5] = 4;
    }
    return all;
  }
}
