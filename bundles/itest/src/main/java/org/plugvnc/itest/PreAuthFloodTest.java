package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.RfbClient;
import org.plugvnc.itest.HalfOpenSockets.Client;

/**
 * A flood of half-open handshakes, hundreds of sockets held open at once, against the pre-auth
 * bounds: one address cannot keep a viewer from another address out, whether its connections send
 * their version and then nothing or nothing at all; the excess is refused with the protocol's
 * reason or closed at once; the handshake timeout frees the rest; and maxConnections caps the
 * sockets a flood from many addresses holds. The handshake timeout counts from the accept and is
 * not put off by activity: slowloris connections that trickle their handshake a byte at a time,
 * and security handshakes started and never finished, are closed once it is up. The flood comes
 * from 127.0.0.2 (and .3 to .5), the viewer from 127.0.0.1: different addresses on the loopback
 * interface.
 */
@ExtendWith(ServiceExtension.class)
class PreAuthFloodTest {

  private static final byte[] VERSION = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);
  private static final int PER_ADDRESS = 10;
  private static final int FLOOD = 500;
  private static final int TIMEOUT_SECONDS = 10;
  /**
   * How long the viewer may take. Without a bound on refused connections the flood's 490 refusals
   * each held a socket for their 2 s grace, 70 sockets at a time under maxConnections 80: the
   * viewer's connection waited in the backlog behind them past its client's 10 s read timeout.
   */
  private static final long VIEWER_MILLIS = 5000;

  private static final int STALL_TIMEOUT_SECONDS = 2;
  /** Closed within this of the connect; a trickle of one byte per 400 ms would go on for ~12 s. */
  private static final long CLOSED_WITHIN_MILLIS = 7000;
  private static final long TRICKLE_MILLIS = 400;
  private static final int SLOWLORIS = 30;

  @InjectService
  ConfigurationAdmin cm;

  @ParameterizedTest(name = "the flood sends its version: {0}")
  @ValueSource(booleans = {false, true})
  void aHalfOpenFloodFromOneAddressDoesNotKeepAnotherOut(boolean sendsVersion) throws Exception {
    ServerFixture server = ServerFixture.start(cm, "VncAuth", Map.of(
        "maxConnections", 80, "maxUnauthenticatedPerAddress", PER_ADDRESS,
        "maxUnauthenticated", 40, "handshakeTimeoutSeconds", TIMEOUT_SECONDS));
    byte[] greeting = sendsVersion ? VERSION : new byte[0];
    try (HalfOpenSockets flood = HalfOpenSockets.open(server.port,
        InetAddress.getByName("127.0.0.2"), FLOOD, greeting, 0)) {
      long start = System.nanoTime();
      try (RfbClient viewer = server.client().securityType(2).password(ServerFixture.PASSWORD).connect()) {
        assertEquals(ServerFixture.WIDTH, viewer.serverInit().width());
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < VIEWER_MILLIS, "the viewer from another address got in after " + millis
          + " ms, with " + FLOOD + " half-open connections from 127.0.0.2");

      // Refusals are closed once heard or after their grace, the excess at once: what stays
      // open are the connections admitted, until the handshake timeout.
      int open = flood.awaitOpenAtMost(PER_ADDRESS, 6000);
      assertTrue(open <= PER_ADDRESS && open > 0,
          open + " flood connections still open once the refusals are gone");
      if (sendsVersion) {
        assertOfferedOrRefusedWithAReason(flood.clients());
      }
      long timeoutEnd = TIMEOUT_SECONDS * 1000L + 5000;
      assertEquals(0, flood.awaitOpenAtMost(0, timeoutEnd), "the handshake timeout frees the rest");
    }
  }

  /**
   * At most the per-address limit was offered security types (exactly that, unless connections of
   * an earlier test from the same address were still being closed); every other one heard why, or
   * nothing.
   */
  private static void assertOfferedOrRefusedWithAReason(List<Client> clients) {
    int offered = 0;
    int refused = 0;
    List<String> other = new ArrayList<>();
    for (Client c : clients) {
      if (c.offerCount() > 0) {
        offered++;
      } else if (c.refusal() != null) {
        assertTrue(c.refusal().contains("try again later"), "the refusal: " + c.refusal());
        refused++;
      } else if (c.offerCount() != -1) {
        other.add(c.received.size() + " bytes");
      }
    }
    assertTrue(offered <= PER_ADDRESS && offered > 0,
        offered + " connections from 127.0.0.2 offered security types");
    assertTrue(refused > 0, "the excess hears the protocol's reason");
    assertTrue(other.isEmpty(), "neither offered, refused nor closed silently: " + other);
  }

  /**
   * Past maxConnections nothing is accepted, from any address: the flood holds no more of the
   * JVM's file descriptors than the cap (this JVM holds the flood's client sockets as well, and
   * counts them too).
   */
  @Test
  void aFloodFromManyAddressesHoldsNoMoreSocketsThanMaxConnections() throws Exception {
    int cap = 60;
    ServerFixture server = ServerFixture.start(cm, "None", Map.of("maxConnections", cap,
        "maxUnauthenticatedPerAddress", 1000, "maxUnauthenticated", 1000));
    Thread.sleep(300); // the fixture's probe connection is gone
    long before = openFileDescriptors();
    List<HalfOpenSockets> floods = new ArrayList<>();
    try {
      for (int a = 2; a <= 5; a++) {
        floods.add(HalfOpenSockets.open(server.port, InetAddress.getByName("127.0.0." + a), 75,
            VERSION, 0));
      }
      Thread.sleep(1500);
      int greeted = greeted(floods);
      long descriptors = openFileDescriptors() - before;
      assertTrue(greeted <= cap && greeted >= cap - 5, "accepted " + greeted + " of 300 at cap " + cap);
      assertTrue(descriptors <= 300 + cap + 20, "the JVM holds " + descriptors + " more descriptors "
          + "for 300 client sockets and at most " + cap + " server ones");
      int closed = 0;
      for (Client c : floods.get(0).clients()) {
        if (closed < 10 && c.received.size() >= 12) {
          c.channel.close();
          closed++;
        }
      }
      long end = System.nanoTime() + 5_000_000_000L;
      while (greeted(floods) < greeted + 10 && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      assertTrue(greeted(floods) >= greeted + 10, "ten closed, ten more accepted: "
          + greeted(floods) + " greeted, was " + greeted);
      assertTrue(greeted(floods) <= cap + 10, "but no more than that: " + greeted(floods));
    } finally {
      floods.forEach(HalfOpenSockets::close);
    }
  }

  /** Clients that received the server's version: the connections it accepted. */
  private static int greeted(List<HalfOpenSockets> floods) {
    int n = 0;
    for (HalfOpenSockets f : floods) {
      f.poll();
      n += (int) f.clients().stream().filter(c -> c.received.size() >= 12).count();
    }
    return n;
  }

  private static long openFileDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  /**
   * Each trickles its version, the choice of VNC Authentication and a 16-byte response, one byte
   * every 400 ms: a timeout that restarts on every byte would never close them.
   */
  @Test
  void connectionsTricklingTheirHandshakeAreClosedAtTheTimeout() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "VncAuth",
        Map.of("handshakeTimeoutSeconds", STALL_TIMEOUT_SECONDS));
    byte[] script = new byte[12 + 1 + 16];
    System.arraycopy("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII), 0, script, 0, 12);
    script[12] = 2;
    List<Socket> sockets = new ArrayList<>();
    try {
      long start = System.nanoTime();
      for (int i = 0; i < SLOWLORIS; i++) {
        sockets.add(connectFrom(server.port, "127.0.0.2"));
      }
      int closed = 0;
      boolean[] gone = new boolean[SLOWLORIS];
      for (int b = 0; b < script.length && closed < SLOWLORIS; b++) {
        for (int i = 0; i < SLOWLORIS; i++) {
          if (!gone[i] && !send(sockets.get(i), script[b])) {
            gone[i] = true;
            closed++;
          }
        }
        Thread.sleep(TRICKLE_MILLIS);
        closed = countClosed(sockets, gone, closed);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(SLOWLORIS, closed, "slowloris connections closed after " + millis + " ms");
      assertTrue(millis < CLOSED_WITHIN_MILLIS, "closed after " + millis + " ms");
      assertTrue(millis >= STALL_TIMEOUT_SECONDS * 1000 - 200, "not before the timeout: " + millis + " ms");
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  /** The server sent its challenge; the viewer never answers. */
  @Test
  void aSecurityHandshakeNeverFinishedIsClosedAtTheTimeout() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "VncAuth",
        Map.of("handshakeTimeoutSeconds", STALL_TIMEOUT_SECONDS));
    List<RawRfb> viewers = new ArrayList<>();
    try {
      long start = System.nanoTime();
      for (int i = 0; i < SLOWLORIS; i++) {
        RawRfb v = RawRfb.greet(server.port, InetAddress.getByName("127.0.0.2"), 0);
        viewers.add(v);
        assertEquals(List.of(2), v.readOffer().types());
        v.writeU8(2);
        v.readBytes(16); // the challenge
      }
      for (RawRfb v : viewers) {
        assertTrue(v.awaitClose((int) CLOSED_WITHIN_MILLIS), "closed without an answer");
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < CLOSED_WITHIN_MILLIS, "all closed after " + millis + " ms");
    } finally {
      for (RawRfb v : viewers) {
        v.close();
      }
    }
  }

  private static Socket connectFrom(int port, String from) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    s.connect(new InetSocketAddress("127.0.0.1", port), (int) ServerFixture.TIMEOUT.toMillis());
    s.setSoTimeout(1);
    return s;
  }

  /** Writes one byte; false when the server has closed the connection. */
  private static boolean send(Socket s, byte b) {
    try {
      OutputStream out = s.getOutputStream();
      out.write(b);
      out.flush();
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  /** Reads what the server sent (without blocking long); notes the connections it closed. */
  private static int countClosed(List<Socket> sockets, boolean[] gone, int closed) {
    byte[] sink = new byte[256];
    for (int i = 0; i < sockets.size(); i++) {
      if (gone[i]) {
        continue;
      }
      try {
        InputStream in = sockets.get(i).getInputStream();
        while (true) {
          if (in.read(sink) < 0) {
            gone[i] = true;
            closed++;
            break;
          }
        }
      } catch (SocketTimeoutException nothingMore) {
        // still open
      } catch (SocketException reset) {
        gone[i] = true;
        closed++;
      } catch (IOException e) {
        gone[i] = true;
        closed++;
      }
    }
    return closed;
  }
}
