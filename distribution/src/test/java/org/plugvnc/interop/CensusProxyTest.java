package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The census proxy against a scripted server and viewer whose bytes are written out by hand from
 * RFC 6143 and rfbproto: it forwards every byte unchanged both ways, counts each encoding's
 * rectangles, stays in step across messages of every length rule, and holds the server's stream
 * when told.
 */
class CensusProxyTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Big-endian bytes, as RFB writes them. */
  private static final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes u8(int... values) {
      for (int v : values) {
        out.write(v);
      }
      return this;
    }

    Bytes u16(int v) {
      return u8(v >> 8 & 0xFF, v & 0xFF);
    }

    Bytes s32(int v) {
      return u8(v >>> 24, v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF);
    }

    Bytes fill(int count, int value) {
      for (int i = 0; i < count; i++) {
        out.write(value);
      }
      return this;
    }

    Bytes ascii(String s) {
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      out.write(b, 0, b.length);
      return this;
    }

    Bytes rect(int x, int y, int w, int h, int encoding) {
      return u16(x).u16(y).u16(w).u16(h).s32(encoding);
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  /** RGB888 little-endian true colour, as in ServerInit and SetPixelFormat. */
  private static Bytes pixelFormat32(Bytes b) {
    return b.u8(32, 24, 0, 1).u16(255).u16(255).u16(255).u8(16, 8, 0).fill(3, 0);
  }

  /** BGR233-style 8-bit true colour. */
  private static Bytes pixelFormat8(Bytes b) {
    return b.u8(8, 8, 0, 1).u16(7).u16(7).u16(3).u8(0, 3, 6).fill(3, 0);
  }

  private static byte[] serverHandshake() {
    Bytes b = new Bytes().ascii("RFB 003.008\n").u8(1, 1).s32(0).u16(64).u16(32);
    return pixelFormat32(b).s32(4).ascii("test").bytes();
  }

  private static byte[] viewerHandshake(boolean eightBit) {
    Bytes b = new Bytes().ascii("RFB 003.008\n").u8(1).u8(1);
    b.u8(0).fill(3, 0);
    if (eightBit) {
      pixelFormat8(b);
    } else {
      pixelFormat32(b);
    }
    b.u8(2, 0).u16(3).s32(7).s32(5).s32(-239);
    return b.u8(3, 0).u16(0).u16(0).u16(64).u16(32).bytes();
  }

  /** One update with a rectangle of every encoding the census measures, at 32 bits per pixel. */
  private static byte[] everyEncodingUpdate() {
    Bytes b = new Bytes().u8(0, 0).u16(0xFFFF);
    b.rect(0, 0, 64, 32, -308).u8(1).fill(3, 0).s32(0).u16(0).u16(0).u16(64).u16(32).s32(0);
    b.rect(0, 0, 2, 1, 0).fill(8, 0x11);
    b.rect(2, 0, 2, 1, 1).u16(0).u16(0);
    b.rect(0, 1, 4, 4, 2).s32(1).fill(4, 0x22).fill(4, 0x33).u16(0).u16(0).u16(1).u16(1);
    b.rect(4, 1, 4, 4, 4).s32(1).fill(4, 0x22).fill(4, 0x33).u8(0, 0, 1, 1);
    // Hextile 17x1: a raw tile of 16x1, then a 1x1 tile with background, foreground, 1 subrect.
    b.rect(0, 5, 17, 1, 5).u8(1).fill(64, 0x44).u8(0x0E).fill(8, 0x55).u8(1).u8(0, 0x00);
    b.rect(0, 6, 8, 8, 6).s32(3).fill(3, 0x66);
    b.rect(8, 6, 8, 8, 16).s32(2).fill(2, 0x77);
    b.rect(16, 0, 8, 8, 7).u8(0x80).fill(3, 0x01);                       // fill, TPIXEL of 3
    b.rect(24, 0, 8, 8, 7).u8(0x90).u8(0xC8, 0x01).fill(200, 0x02);       // JPEG, 200 bytes
    b.rect(32, 0, 2, 1, 7).u8(0x00).fill(6, 0x03);                        // 6 bytes: not zlib
    b.rect(32, 8, 16, 2, 7).u8(0x40, 1, 1).fill(6, 0x04).fill(4, 0x05);   // 2-colour palette
    b.rect(48, 0, 4, 4, 7).u8(0x10).u8(0x82, 0x01).fill(130, 0x06);       // 48 bytes zlib'd
    b.rect(0, 0, 2, 2, -239).fill(16, 0x07).u8(0xC0, 0xC0);
    b.rect(0, 0, 0, 0, -224);
    return b.bytes();
  }

  private static byte[] laterMessages() {
    Bytes b = new Bytes().u8(2).u8(3, 0, 0, 0).s32(5).ascii("hello");
    b.u8(248, 0, 0, 0).s32(0).u8(2).u8(9, 9);
    b.u8(1, 0).u16(0).u16(1).fill(6, 0x08);
    return b.u8(0, 0).u16(1).rect(0, 0, 3, 1, 0).fill(12, 0x09).bytes();
  }

  /** A server that sends its script after the viewer's handshake bytes arrived, then closes. */
  private static final class ScriptedServer implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    final CompletableFuture<byte[]> received = new CompletableFuture<>();

    ScriptedServer(byte[] handshake, int viewerBytes, byte[]... afterRequest) throws IOException {
      Thread t = new Thread(() -> {
        try (Socket s = socket.accept()) {
          OutputStream out = s.getOutputStream();
          DataInputStream in = new DataInputStream(s.getInputStream());
          out.write(handshake);
          out.flush();
          byte[] got = new byte[viewerBytes];
          in.readFully(got);
          for (byte[] part : afterRequest) {
            out.write(part);
            out.flush();
          }
          received.complete(got);
          s.shutdownOutput();
          in.readAllBytes();
        } catch (IOException e) {
          received.completeExceptionally(e);
        }
      });
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      all.write(p, 0, p.length);
    }
    return all.toByteArray();
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  @Test
  void forwardsEveryByteAndCountsEveryEncoding() throws Exception {
    byte[] viewerBytes = viewerHandshake(false);
    byte[] update = everyEncodingUpdate();
    byte[] later = laterMessages();
    try (ScriptedServer server = new ScriptedServer(serverHandshake(), viewerBytes.length,
            update, later);
        CensusProxy proxy = CensusProxy.start(server.port());
        Socket viewer = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      viewer.getOutputStream().write(viewerBytes);
      viewer.getOutputStream().flush();
      viewer.setSoTimeout((int) WAIT.toMillis());

      byte[] got = readAll(viewer.getInputStream());

      assertArrayEquals(concat(serverHandshake(), update, later), got, "the viewer got every byte");
      assertArrayEquals(viewerBytes, server.received.get(WAIT.toSeconds(), TimeUnit.SECONDS),
          "the server got every byte");
      RfbCensus census = proxy.census();
      assertNull(census.failure(), census.toString());
      assertEquals(2, census.updates());
      assertEquals(2, census.rects(RfbCensus.RAW), census.toString());
      for (int encoding : new int[] {RfbCensus.COPY_RECT, RfbCensus.RRE, RfbCensus.CORRE,
          RfbCensus.HEXTILE, RfbCensus.ZLIB, RfbCensus.ZRLE}) {
        assertEquals(1, census.rects(encoding), RfbCensus.name(encoding) + " in " + census);
      }
      assertEquals(5, census.rects(RfbCensus.TIGHT), census.toString());
      assertEquals(1, census.jpegRects());
      assertEquals(List.of(7, 5, -239), census.listedEncodings());
      assertEquals(List.of(-308, -224, 1, 2, 4, 6, 16), census.unlistedEncodingsUsed(),
          "everything but Raw, Hextile, Tight and Cursor was used without being listed");
      assertEquals(8 * 8, census.lossyPixels(), "the JPEG rectangle's pixels");
    }
  }

  @Test
  void measuresPixelsInTheViewersFormat() throws Exception {
    byte[] viewerBytes = viewerHandshake(true);
    byte[] update = new Bytes().u8(0, 0).u16(3)
        .rect(0, 0, 3, 1, 0).fill(3, 0x11)                      // Raw: one byte a pixel
        .rect(0, 1, 4, 4, 7).u8(0x80).u8(0x22)                  // fill: TPIXEL is a PIXEL
        .rect(0, 5, 64, 27, 0).fill(64 * 27, 0x33).bytes();
    try (ScriptedServer server = new ScriptedServer(serverHandshake(), viewerBytes.length,
            update, new Bytes().u8(2).bytes());
        CensusProxy proxy = CensusProxy.start(server.port());
        Socket viewer = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      viewer.getOutputStream().write(viewerBytes);
      viewer.setSoTimeout((int) WAIT.toMillis());

      byte[] got = readAll(viewer.getInputStream());

      assertEquals(serverHandshake().length + update.length + 1, got.length);
      RfbCensus census = proxy.census();
      assertNull(census.failure(), census.toString());
      assertEquals(2, census.rects(RfbCensus.RAW));
      assertEquals(1, census.rects(RfbCensus.TIGHT));
      assertFalse(census.everyPixelReceived(), "rows 1-4 beyond column 4 never came");
    }
  }

  @Test
  void holdsTheServersStreamBetweenMessagesUntilReleased() throws Exception {
    byte[] viewerBytes = viewerHandshake(false);
    byte[] update = new Bytes().u8(0, 0).u16(1).rect(0, 0, 64, 32, 0).fill(64 * 32 * 4, 1).bytes();
    byte[] bell = new Bytes().u8(2).bytes();
    try (ScriptedServer server = new ScriptedServer(serverHandshake(), viewerBytes.length,
            update, bell);
        CensusProxy proxy = CensusProxy.start(server.port());
        Socket viewer = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      proxy.holdWhen(RfbCensus::everyPixelReceived);
      viewer.getOutputStream().write(viewerBytes);
      DataInputStream in = new DataInputStream(viewer.getInputStream());
      byte[] first = new byte[serverHandshake().length + update.length];
      in.readFully(first);

      assertTrue(proxy.awaitHeld(WAIT));
      viewer.setSoTimeout(300);
      boolean timedOut = false;
      try {
        in.read();
      } catch (SocketTimeoutException e) {
        timedOut = true;
      }
      assertTrue(timedOut, "nothing after the held message");

      proxy.release();
      viewer.setSoTimeout((int) WAIT.toMillis());
      assertEquals(2, in.read(), "the bell comes once released");
      assertEquals(-1, in.read());
    }
  }

  @Test
  void followsTheRfb33HandshakeWithVncAuthentication() throws Exception {
    byte[] handshake = pixelFormat32(new Bytes().ascii("RFB 003.003\n").s32(2).fill(16, 0x5A)
        .s32(0).u16(64).u16(32)).s32(0).bytes();
    byte[] viewerBytes = new Bytes().ascii("RFB 003.003\n").fill(16, 0x6B).u8(1)
        .u8(2, 0).u16(1).s32(5).bytes();
    byte[] update = new Bytes().u8(0, 0).u16(1).rect(0, 0, 16, 1, 5).u8(0x02).fill(4, 0x10)
        .bytes();
    try (ScriptedServer server = new ScriptedServer(handshake, viewerBytes.length, update);
        CensusProxy proxy = CensusProxy.start(server.port());
        Socket viewer = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      viewer.getOutputStream().write(viewerBytes);
      viewer.setSoTimeout((int) WAIT.toMillis());

      assertArrayEquals(concat(handshake, update), readAll(viewer.getInputStream()));
      RfbCensus census = proxy.census();
      assertNull(census.failure(), census.toString());
      assertEquals(1, census.rects(RfbCensus.HEXTILE));
      assertEquals(List.of(5), census.listedEncodings());
    }
  }

  @Test
  void anUnknownEncodingEndsTheCountingButNotTheForwarding() throws Exception {
    byte[] viewerBytes = viewerHandshake(false);
    byte[] update = new Bytes().u8(0, 0).u16(1).rect(0, 0, 1, 1, 12345).fill(7, 0x10).bytes();
    try (ScriptedServer server = new ScriptedServer(serverHandshake(), viewerBytes.length,
            update);
        CensusProxy proxy = CensusProxy.start(server.port());
        Socket viewer = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      viewer.getOutputStream().write(viewerBytes);
      viewer.setSoTimeout((int) WAIT.toMillis());

      assertArrayEquals(concat(serverHandshake(), update), readAll(viewer.getInputStream()));
      assertTrue(proxy.census().failure().contains("12345"), proxy.census().toString());
    }
  }
}
