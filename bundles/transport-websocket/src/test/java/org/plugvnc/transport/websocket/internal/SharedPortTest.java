package org.plugvnc.transport.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.transport.SharedPortProtocol.Recognition;

/** What the first bytes on an RFB port say, and a taken-over connection served as HTTP. */
class SharedPortTest {

  private boolean tls;
  private final EmbeddedWeb web = new EmbeddedWeb();
  private final SharedPort port = new SharedPort(() -> tls,
      (ch, desktop) -> WebPipeline.init(ch, EmbeddedWeb.settings().forDesktop(desktop), web));

  private Recognition of(String s) {
    ByteBuf b = Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    try {
      Recognition r = port.recognize(b);
      assertEquals(0, b.readerIndex(), "nothing consumed");
      return r;
    } finally {
      b.release();
    }
  }

  @Test
  void methodsTlsAndEverythingElse() {
    assertEquals(Recognition.MORE, of(""));
    assertEquals(Recognition.MORE, of("G"));
    assertEquals(Recognition.MORE, of("GET"));
    assertEquals(Recognition.YES, of("GET "));
    assertEquals(Recognition.YES, of("HEAD / HTTP/1.1\r\n"));
    assertEquals(Recognition.YES, of("OPTIONS *"));
    assertEquals(Recognition.YES, of("POST /x"));
    assertEquals(Recognition.NO, of("FOO /"));
    assertEquals(Recognition.NO, of("get /"));
    assertEquals(Recognition.NO, of("RFB 003.008\n"), "a client that sends a version first is no browser");
    assertEquals(Recognition.NO, of("ABCDEFGH"));
    assertEquals(Recognition.NO, of(" GET"));
    assertEquals(Recognition.NO, of("\u0016\u0003\u0001"), "TLS while none is available");
    tls = true;
    assertEquals(Recognition.YES, of("\u0016\u0003\u0001"));
  }

  @Test
  void aTakenOverConnectionIsServedAsHttpForItsPortsDesktop() {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.config().setAutoRead(false);
    port.takeOver(ch, Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: h:5900\r\n\r\n", StandardCharsets.US_ASCII), "d2");
    ch.runPendingTasks();
    assertTrue(ch.config().isAutoRead());
    assertTrue(EmbeddedWeb.written(ch).startsWith("HTTP/1.1 200 OK\r\n"));

    EmbeddedChannel ws = new EmbeddedChannel();
    port.takeOver(ws, Unpooled.copiedBuffer(WebSocketPipelineTest.upgrade(null, "h:5900"), StandardCharsets.US_ASCII), "d2");
    ws.runPendingTasks();
    assertTrue(EmbeddedWeb.written(ws).startsWith("HTTP/1.1 101"));
    assertEquals("d2/websocket", web.served.get(0));
  }
}
