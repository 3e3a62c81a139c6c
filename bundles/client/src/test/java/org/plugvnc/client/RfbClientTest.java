package org.plugvnc.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.client.TestBytes.bytes;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted server on a loopback socket. */
class RfbClientTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  /** The server side of one connection: its streams. */
  interface Script {
    void run(DataInputStream in, OutputStream out) throws Exception;
  }

  private final ServerSocket listener;
  private final CompletableFuture<Void> serverDone = new CompletableFuture<>();

  RfbClientTest() throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void closeListener() throws IOException {
    listener.close();
  }

  private void serve(Script script) {
    Thread t = new Thread(() -> {
      try (Socket s = listener.accept()) {
        script.run(new DataInputStream(s.getInputStream()), s.getOutputStream());
        serverDone.complete(null);
      } catch (Throwable e) {
        serverDone.completeExceptionally(e);
      }
    }, "scripted-server");
    t.setDaemon(true);
    t.start();
  }

  private RfbClientBuilder client() {
    return RfbClient.builder().host(InetAddress.getLoopbackAddress().getHostAddress())
        .port(listener.getLocalPort()).readTimeout(WAIT);
  }

  private static void handshake38None(DataInputStream in, OutputStream out, int w, int h) throws IOException {
    out.write(bytes().text("RFB 003.008\n").u8(1, 1).array());
    byte[] version = new byte[12];
    in.readFully(version);
    assertEquals("RFB 003.008\n", new String(version, "ISO-8859-1"));
    assertEquals(1, in.readUnsignedByte());
    out.write(bytes().u32(0).array());
    assertEquals(1, in.readUnsignedByte()); // shared
    out.write(bytes().u16(w, h).raw(PixelFormat.RGB888_LE.toBytes()).string("test desk").array());
    out.flush();
  }

  private static byte[] read(DataInputStream in, int n) throws IOException {
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  @Test
  void connectsSendsMessagesAndAppliesServerMessages() throws Exception {
    CountDownLatch clientReady = new CountDownLatch(1);
    serve((in, out) -> {
      handshake38None(in, out, 2, 1);
      // SetPixelFormat and SetEncodings from the builder, then a full update request
      assertArrayEquals(bytes().u8(0, 0, 0, 0).raw(PixelFormat.RGB565_BE.toBytes()).array(), read(in, 20));
      assertArrayEquals(bytes().u8(2, 0).u16(2).u32(0, 0xFFFFFF11L).array(), read(in, 12));
      assertArrayEquals(bytes().u8(3, 0).u16(0, 0, 2, 1).array(), read(in, 10));
      clientReady.await(5, TimeUnit.SECONDS);
      out.write(bytes().u8(2).u8(3, 0, 0, 0).string("clip").array());
      out.write(bytes().u8(0, 0).u16(1).u16(0, 0, 2, 1).u32(0).u8(0xF8, 0x00, 0x00, 0x1F).array());
      out.flush();
      assertArrayEquals(bytes().u8(4, 1, 0, 0).u32(0x61).u8(4, 0, 0, 0).u32(0x61).array(), read(in, 16));
      assertArrayEquals(bytes().u8(5, 1).u16(1, 0).u8(5, 0).u16(1, 0).array(), read(in, 12));
      assertArrayEquals(bytes().u8(6, 0, 0, 0).string("hi").array(), read(in, 10));
      assertArrayEquals(new byte[] {(byte) 0xFF, 0x00}, read(in, 2));
    });
    List<ServerMessage> seen = new ArrayList<>();
    try (RfbClient c = client().pixelFormat(PixelFormat.RGB565_BE).encodings(0, -239)
        .listener(seen::add).connect()) {
      assertEquals("test desk", c.serverInit().name());
      assertEquals(ProtocolVersion.V3_8, c.protocolVersion());
      assertEquals(List.of(1), c.offeredSecurityTypes());
      assertTrue(c.poll(Duration.ofMillis(50)).isEmpty(), "nothing is sent before a request");
      c.requestUpdate(false);
      clientReady.countDown();
      FramebufferUpdate u = c.awaitUpdate(WAIT);
      assertEquals(List.of(new Rectangle(0, 0, 2, 1, 0)), u.rectangles());
      assertArrayEquals(new int[] {0xFF0000, 0x0000FF}, c.pixels());
      assertEquals(0x0000FF, c.pixel(1, 0));
      assertEquals(1, c.bellCount());
      assertEquals("clip", c.lastServerCutText());
      assertEquals(1, c.updateCount());
      assertEquals(3, seen.size());
      assertInstanceOf(Bell.class, seen.get(0));
      c.typeKey('a');
      c.click(1, 0);
      c.clientCutText("hi");
      c.rawWrite(new byte[] {(byte) 0xFF, 0x00});
      serverDone.get(5, TimeUnit.SECONDS);
      assertTrue(c.awaitClose(WAIT));
    }
  }

  @Test
  void timeoutsBetweenMessagesKeepTheStreamInStep() throws Exception {
    CountDownLatch timedOut = new CountDownLatch(1);
    serve((in, out) -> {
      handshake38None(in, out, 1, 1);
      timedOut.await(5, TimeUnit.SECONDS);
      out.write(bytes().u8(3, 0, 0, 0).string("late").array());
      out.flush();
      read(in, 1);
    });
    try (RfbClient c = client().connect()) {
      RfbTimeoutException e = assertThrows(RfbTimeoutException.class,
          () -> c.awaitUpdate(Duration.ofMillis(100)));
      assertTrue(e.getMessage().contains("FramebufferUpdate"), e.getMessage());
      assertNull(c.lastServerCutText());
      timedOut.countDown();
      assertEquals("late", c.await(ServerCutText.class, WAIT).text());
      assertFalse(c.awaitClose(Duration.ofMillis(100)), "the server has not closed yet");
      c.rawWrite(new byte[1]);
      assertTrue(c.awaitClose(WAIT));
    }
  }

  @Test
  void vncAuthenticationFailureIsASecurityException() throws Exception {
    serve((in, out) -> {
      out.write(bytes().text("RFB 003.008\n").u8(1, 2).raw(new byte[16]).array());
      read(in, 12 + 1 + 16);
      out.write(bytes().u32(1).string("Authentication failed").array());
    });
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> client().password("wrong").connect());
    assertEquals(RfbSecurityException.Failure.AUTHENTICATION_FAILED, e.failure());
    assertEquals("Authentication failed", e.serverReason());
    serverDone.get(5, TimeUnit.SECONDS);
  }

  @Test
  void protocolErrorFromTheServerIsReported() throws Exception {
    serve((in, out) -> {
      handshake38None(in, out, 1, 1);
      out.write(bytes().u8(200).array());
      out.flush();
      read(in, 1);
    });
    try (RfbClient c = client().connect()) {
      assertThrows(RfbProtocolException.class, () -> c.nextMessage(WAIT));
      c.rawWrite(new byte[1]);
    }
  }

  @Test
  void listedEncodingsAreDecodedAndUnlistedOnesRefused() throws Exception {
    serve((in, out) -> {
      handshake38None(in, out, 2, 1);
      assertArrayEquals(bytes().u8(2, 0).u16(4).u32(7, 6, -224 & 0xFFFFFFFFL, -317 & 0xFFFFFFFFL)
          .array(), read(in, 20));
      Deflater d = new Deflater();
      d.setInput(new byte[] {0, 0, (byte) 0xFF, 0});
      byte[] z = new byte[64];
      int n = d.deflate(z, 0, z.length, Deflater.SYNC_FLUSH);
      // 65535 rectangles announced: a Tight fill, a Zlib pixel, then LastRect
      out.write(bytes().u8(0, 0).u16(0xFFFF)
          .u16(0, 0, 2, 1).u32(7).u8(0x80, 0x00, 0xFF, 0x00)
          .u16(1, 0, 1, 1).u32(6).u32(n).raw(Arrays.copyOf(z, n))
          .u16(0, 0, 0, 0).u32(-224 & 0xFFFFFFFFL)
          .u8(0, 0).u16(1).u16(0, 0, 1, 1).u32(5).u8(1, 0).array());
      out.flush();
      read(in, 1);
    });
    try (RfbClient c = client().encodings(RfbNumbers.ENCODING_TIGHT, RfbNumbers.ENCODING_ZLIB,
        RfbNumbers.ENCODING_LAST_RECT, RfbNumbers.ENCODING_TIGHT_WITHOUT_ZLIB).connect()) {
      FramebufferUpdate u = c.awaitUpdate(WAIT);
      assertEquals(3, u.rectangles().size());
      assertArrayEquals(new int[] {0x00FF00, 0xFF0000}, c.pixels());
      // Hextile was never listed
      RfbProtocolException e = assertThrows(RfbProtocolException.class, () -> c.nextMessage(WAIT));
      assertTrue(e.getMessage().contains("Hextile"), e.getMessage());
      c.rawWrite(new byte[1]);
    }
  }
}
