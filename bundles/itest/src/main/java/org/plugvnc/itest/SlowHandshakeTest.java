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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The handshake timeout counts from the accept and is not put off by activity: connections that
 * trickle their handshake a byte at a time (slowloris), or start the security handshake and never
 * finish it, are closed once it is up, many of them at once.
 */
@ExtendWith(ServiceExtension.class)
class SlowHandshakeTest {

  private static final int TIMEOUT_SECONDS = 2;
  /** Closed within this of the connect; a trickle of one byte per 400 ms would go on for ~12 s. */
  private static final long CLOSED_WITHIN_MILLIS = 7000;
  private static final long TRICKLE_MILLIS = 400;
  private static final int SLOWLORIS = 30;

  @InjectService
  ConfigurationAdmin cm;

  /**
   * Each trickles its version, the choice of VNC Authentication and a 16-byte response, one byte
   * every 400 ms: a timeout that restarts on every byte would never close them.
   */
  @Test
  void connectionsTricklingTheirHandshakeAreClosedAtTheTimeout() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "VncAuth",
        Map.of("handshakeTimeoutSeconds", TIMEOUT_SECONDS));
    byte[] script = new byte[12 + 1 + 16];
    System.arraycopy("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII), 0, script, 0, 12);
    script[12] = 2;
    List<Socket> sockets = new ArrayList<>();
    try {
      long start = System.nanoTime();
      for (int i = 0; i < SLOWLORIS; i++) {
        sockets.add(connect(server.port, "127.0.0.2"));
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
      assertTrue(millis >= TIMEOUT_SECONDS * 1000 - 200, "not before the timeout: " + millis + " ms");
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
        Map.of("handshakeTimeoutSeconds", TIMEOUT_SECONDS));
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

  private static Socket connect(int port, String from) throws IOException {
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
