package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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
 * At maxConnections the server stops accepting, so that a flood of connections cannot take every
 * file descriptor of the JVM it shares with the rest of the container; it accepts again when one
 * closes.
 */
@ExtendWith(ServiceExtension.class)
class ConnectionCapTest {

  private static final int CAP = 5;

  @InjectService
  ConfigurationAdmin cm;

  @Test
  void pastTheCapConnectionsWaitUntilOneCloses() throws Exception {
    ServerFixture server = ServerFixture.start(cm, "None", Map.of("maxConnections", CAP));
    List<Socket> open = new ArrayList<>();
    try {
      for (int i = 0; i < CAP; i++) {
        Socket s = connect(server.port);
        open.add(s);
        assertTrue(greeted(s, 5000), "connection " + i + " is served");
      }
      Socket waiting = connect(server.port);
      open.add(waiting);
      assertFalse(greeted(waiting, 700), "past the cap a connection waits in the backlog");
      open.get(0).close();
      assertTrue(greeted(waiting, 5000), "once one closes, the waiting one is accepted");
    } finally {
      for (Socket s : open) {
        s.close();
      }
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), (int) ServerFixture.TIMEOUT.toMillis());
    return s;
  }

  /** Whether the server's ProtocolVersion arrives within {@code millis}. */
  private static boolean greeted(Socket s, int millis) throws IOException {
    s.setSoTimeout(millis);
    InputStream in = s.getInputStream();
    try {
      byte[] version = in.readNBytes(12);
      assertEquals("RFB 003.008\n", new String(version, StandardCharsets.US_ASCII));
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }
}
