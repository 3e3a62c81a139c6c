package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.itest.ServerFixture.TIMEOUT;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.ServerCutText;

/** Bad input ends only the session that sent it; the clipboard reaches every other session. */
@ExtendWith(ServiceExtension.class)
class IsolationTest {

  @InjectService
  ConfigurationAdmin cm;

  ServerFixture server;

  @BeforeEach
  void start() throws Exception {
    server = ServerFixture.start(cm, "None", Map.of("maxCutText", 1000));
  }

  private RfbClient viewer() throws IOException {
    return server.client().securityType(1).encodings(RfbNumbers.ENCODING_RAW).connect();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"unknown message type", "oversize cut text", "24 bpp pixel format",
      "zero maximum", "overlapping shifts", "too many encodings"})
  void badInputEndsOnlyThatSession(String kind) throws IOException {
    try (RfbClient good = viewer(); RfbClient bad = viewer()) {
      bad.rawWrite(hostile(kind));
      assertTrue(bad.awaitClose(TIMEOUT), "the server closes the session that sent " + kind);
      good.refresh(TIMEOUT);
      assertEquals(ServerFixture.pattern(5, 5, ServerFixture.WIDTH, ServerFixture.HEIGHT), good.pixel(5, 5));
      try (RfbClient late = viewer()) {
        assertEquals(ServerFixture.WIDTH, late.serverInit().width(), "the server still accepts");
      }
    }
  }

  private static byte[] hostile(String kind) {
    switch (kind) {
      case "unknown message type":
        return new byte[] {(byte) 99, 0, 0, 0};
      case "oversize cut text":
        // a 2 GB claim: must be refused from the header, without allocating or waiting
        return new byte[] {6, 0, 0, 0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
      case "24 bpp pixel format":
        return setPixelFormat(24, 24, 255, 255, 255, 16, 8, 0);
      case "zero maximum":
        return setPixelFormat(32, 24, 0, 255, 255, 16, 8, 0);
      case "overlapping shifts":
        return setPixelFormat(32, 24, 255, 255, 255, 16, 12, 0);
      default:
        return new byte[] {2, 0, (byte) 0xFF, (byte) 0xFF};
    }
  }

  private static byte[] setPixelFormat(int bpp, int depth, int rMax, int gMax, int bMax,
      int rShift, int gShift, int bShift) {
    ByteBuffer b = ByteBuffer.allocate(20);
    b.put((byte) 0).put(new byte[3]);
    b.put((byte) bpp).put((byte) depth).put((byte) 0).put((byte) 1);
    b.putShort((short) rMax).putShort((short) gMax).putShort((short) bMax);
    b.put((byte) rShift).put((byte) gShift).put((byte) bShift).put(new byte[3]);
    return b.array();
  }

  @Test
  void aConnectionStalledInTheHandshakeIsClosedByTheTimeout() throws Exception {
    server = ServerFixture.start(cm, "None", Map.of("handshakeTimeoutSeconds", 1));
    try (Socket s = new Socket("127.0.0.1", server.port)) {
      s.setSoTimeout(5000);
      InputStream in = s.getInputStream();
      in.readNBytes(12);
      s.getOutputStream().write("RFB 003.0".getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      assertEquals(-1, in.read(), "the server closes a connection that stalls mid-message");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis >= 500 && millis < 4000, "closed after " + millis + " ms");
    }
  }

  @Test
  void clipboardTextReachesTheOtherSessions() throws IOException {
    try (RfbClient a = viewer(); RfbClient b = viewer()) {
      a.clientCutText("hello from a");
      ServerCutText t = b.await(ServerCutText.class, TIMEOUT);
      assertEquals("hello from a", t.text());
    }
  }

  @Test
  void aCutTextAtTheLimitIsAccepted() throws IOException {
    try (RfbClient a = viewer(); RfbClient b = viewer()) {
      String text = "x".repeat(1000);
      a.clientCutText(text);
      assertEquals(text, b.await(ServerCutText.class, TIMEOUT).text());
    }
  }
}
