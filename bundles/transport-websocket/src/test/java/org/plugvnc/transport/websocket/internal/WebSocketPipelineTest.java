package org.plugvnc.transport.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.transport.websocket.internal.EmbeddedWeb.frame;
import static org.plugvnc.transport.websocket.internal.EmbeddedWeb.send;
import static org.plugvnc.transport.websocket.internal.EmbeddedWeb.written;
import static org.plugvnc.transport.websocket.internal.EmbeddedWeb.writtenBytes;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The upgrade and the frames: what reaches the engine, and what closes the connection. */
class WebSocketPipelineTest {

  private final EmbeddedWeb web = new EmbeddedWeb();

  static String upgrade(String protocols, String host) {
    return "GET /websockify HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + "Origin: http://" + host + "\r\n"
        + (protocols == null ? "" : "Sec-WebSocket-Protocol: " + protocols + "\r\n") + "\r\n";
  }

  private EmbeddedChannel upgraded(String protocols) {
    EmbeddedChannel ch = web.channel(EmbeddedWeb.settings());
    send(ch, upgrade(protocols, "localhost:5800"));
    String r = written(ch);
    assertTrue(r.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), r);
    assertTrue(r.contains("sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), r);
    assertEquals("default/websocket", web.served.get(web.served.size() - 1));
    return ch;
  }

  @Test
  void binaryIsSelectedWhenOfferedAndNoneWhenNoneIsOffered() {
    EmbeddedChannel none = web.channel(EmbeddedWeb.settings());
    send(none, upgrade(null, "localhost:5800"));
    String r = written(none);
    assertTrue(r.startsWith("HTTP/1.1 101"), r);
    assertFalse(r.toLowerCase().contains("sec-websocket-protocol"), r);

    EmbeddedChannel binary = web.channel(EmbeddedWeb.settings());
    send(binary, upgrade("base64, binary", "localhost:5800"));
    r = written(binary);
    assertTrue(r.contains("sec-websocket-protocol: binary\r\n"), r);
  }

  @Test
  void framesStreamToTheEngineAndItsWritesBecomeBinaryFrames() {
    EmbeddedChannel ch = upgraded("binary");
    ch.writeInbound(frame(true, 2, "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII), true));
    ch.writeInbound(frame(false, 2, new byte[] {1, 2}, true));
    ch.writeInbound(frame(false, 0, new byte[] {3}, true));
    ch.writeInbound(frame(true, 0, new byte[] {4, 5}, true));
    assertEquals("RFB 003.008\n\u0001\u0002\u0003\u0004\u0005",
        new String(web.engineReceived.toByteArray(), StandardCharsets.ISO_8859_1));
    assertEquals(List.of(12, 2, 1, 2), web.engineChunks, "each fragment as it came");

    ch.writeOutbound(Unpooled.wrappedBuffer(new byte[] {9, 8, 7}));
    assertArrayEquals(new byte[] {(byte) 0x82, 3, 9, 8, 7}, writtenBytes(ch), "an unmasked binary frame");
  }

  @Test
  void fragmentsWithoutEndCostOneFragmentEach() {
    EmbeddedChannel ch = upgraded(null);
    ch.writeInbound(frame(false, 2, new byte[1000], true));
    for (int i = 0; i < 2000; i++) {
      ch.writeInbound(frame(false, 0, new byte[1000], true));
    }
    assertEquals(2001 * 1000, web.engineReceived.size(), "all of it reached the engine, nothing held back");
    assertTrue(ch.isActive());
  }

  @Test
  void anUnmaskedFrameClosesWith1002() {
    EmbeddedChannel ch = upgraded(null);
    ch.writeInbound(frame(true, 2, new byte[] {1, 2, 3}, false));
    byte[] close = writtenBytes(ch);
    assertEquals((byte) 0x88, close[0], "a close frame");
    assertEquals(1002, (close[2] & 0xff) << 8 | (close[3] & 0xff));
    assertFalse(ch.isActive());
    assertEquals(0, web.engineReceived.size());
  }

  @Test
  void anOversizeFrameClosesWith1009FromItsHeaderAlone() {
    EmbeddedChannel ch = upgraded(null);
    // a header claiming 2^62 bytes, and none of them
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0x82, (byte) (0x80 | 127),
        0x40, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4}));
    byte[] close = writtenBytes(ch);
    assertEquals((byte) 0x88, close[0]);
    assertEquals(1009, (close[2] & 0xff) << 8 | (close[3] & 0xff));
    assertFalse(ch.isActive());

    EmbeddedChannel limit = upgraded(null);
    limit.writeInbound(frame(true, 2, new byte[4097], true)); // maxFramePayload 4096 in these settings
    close = writtenBytes(limit);
    assertEquals(1009, (close[2] & 0xff) << 8 | (close[3] & 0xff));
  }

  @Test
  void aTextFrameClosesWith1003() {
    EmbeddedChannel ch = upgraded(null);
    ch.writeInbound(frame(true, 1, "hello".getBytes(StandardCharsets.US_ASCII), true));
    byte[] close = writtenBytes(ch);
    assertEquals((byte) 0x88, close[0]);
    assertEquals(1003, (close[2] & 0xff) << 8 | (close[3] & 0xff));
    assertFalse(ch.isActive());
  }

  @Test
  void aPingIsAnsweredAndAnEngineCloseSendsACloseFrame() {
    EmbeddedChannel ch = upgraded(null);
    ch.writeInbound(frame(true, 9, new byte[] {7}, true));
    assertArrayEquals(new byte[] {(byte) 0x8A, 1, 7}, writtenBytes(ch));
    ch.close();
    byte[] close = writtenBytes(ch);
    assertEquals((byte) 0x88, close[0]);
    assertEquals(1000, (close[2] & 0xff) << 8 | (close[3] & 0xff));
  }

  @Test
  void aForeignOriginGets403AndNeverReachesTheEngine() {
    EmbeddedChannel ch = web.channel(EmbeddedWeb.settings());
    send(ch, upgrade(null, "localhost:5800").replace("Origin: http://localhost:5800", "Origin: http://evil.test"));
    assertTrue(written(ch).startsWith("HTTP/1.1 403 Forbidden\r\n"));
    assertFalse(ch.isActive());
    assertTrue(web.served.isEmpty());

    EmbeddedChannel allowed = web.channel(EmbeddedWeb.settings("http://evil.test"));
    send(allowed, upgrade(null, "localhost:5800").replace("Origin: http://localhost:5800", "Origin: http://evil.test"));
    assertTrue(written(allowed).startsWith("HTTP/1.1 101"), "allowed by configuration");
  }

  @Test
  void aDesktopThatIsNotServedGets503BeforeTheUpgrade() {
    EmbeddedChannel ch = web.channel(EmbeddedWeb.settings().forDesktop("nope"));
    send(ch, upgrade(null, "localhost:5800"));
    assertTrue(written(ch).startsWith("HTTP/1.1 503 Service Unavailable\r\n"));
    assertTrue(web.served.isEmpty());
  }
}
