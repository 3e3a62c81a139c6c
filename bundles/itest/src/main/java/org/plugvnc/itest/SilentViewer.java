package org.plugvnc.itest;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A viewer on a raw socket that completes the RFB 3.8 handshake with security None and then reads
 * only when the test says so: the viewer that stops reading, with a receive buffer kept small so
 * that the kernel absorbs little of what the server sends it.
 */
final class SilentViewer implements AutoCloseable {

  private final RawRfb rfb;

  SilentViewer(int port) throws IOException {
    rfb = RawRfb.greet(port, null, 8192);
    try {
      RawRfb.Offer offer = rfb.readOffer();
      if (offer.refused()) {
        throw new IOException("refused: " + offer.reason());
      }
      rfb.writeU8(1);
      RawRfb.SecurityResult result = rfb.readSecurityResult();
      if (!result.ok()) {
        throw new IOException("security failed: " + result.reason());
      }
      rfb.writeU8(1); // shared
      rfb.readBytes(20);
      rfb.readString(); // the desktop name
    } catch (IOException | RuntimeException e) {
      rfb.close();
      throw e;
    }
  }

  void send(byte[] message) throws IOException {
    rfb.write(message);
  }

  /** The next server message's type, with its body read; the text of a ServerCutText. */
  record Message(int type, String text) {}

  Message read() throws IOException {
    int type = rfb.readBytes(1)[0] & 0xFF;
    switch (type) {
      case 1: // SetColourMapEntries
        rfb.readBytes(3);
        rfb.readBytes(6 * rfb.readU16());
        return new Message(type, null);
      case 2:
        return new Message(type, null);
      case 3: {
        rfb.readBytes(3);
        int length = ByteBuffer.wrap(rfb.readBytes(4)).getInt();
        if (length < 0 || length > 2 << 20) {
          throw new IOException("implausible ServerCutText length " + length);
        }
        return new Message(type, new String(rfb.readBytes(length), StandardCharsets.ISO_8859_1));
      }
      default:
        throw new IOException("unexpected server message type " + type);
    }
  }

  /** Reads whatever comes until the server closes the connection; false if it is still open. */
  boolean closedByServer(int millis) throws IOException {
    return rfb.drainUntilClose(millis);
  }

  @Override
  public void close() throws IOException {
    rfb.close();
  }

  /** SetPixelFormat for the 8-bit colour-map format: the server answers with a 256-colour map. */
  static byte[] colourMapPixelFormat() {
    ByteBuffer b = ByteBuffer.allocate(20);
    b.put((byte) 0).put(new byte[3]);
    b.put((byte) 8).put((byte) 8).put((byte) 0).put((byte) 0);
    b.putShort((short) 0).putShort((short) 0).putShort((short) 0);
    b.put((byte) 0).put((byte) 0).put((byte) 0).put(new byte[3]);
    return b.array();
  }

  /** A non-incremental FramebufferUpdateRequest for {@code width} x {@code height} at 0, 0. */
  static byte[] fullUpdateRequest(int width, int height) {
    return ByteBuffer.allocate(10).put((byte) 3).put((byte) 0).putShort((short) 0)
        .putShort((short) 0).putShort((short) width).putShort((short) height).array();
  }

  /** ClientCutText with {@code text} in ISO 8859-1. */
  static byte[] clientCutText(String text) {
    byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
    return ByteBuffer.allocate(8 + latin1.length).put((byte) 6).put(new byte[3])
        .putInt(latin1.length).put(latin1).array();
  }

  /** Direct memory in use in this JVM (Netty allocates its direct buffers through the JDK here). */
  static long directMemory() {
    return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
        .filter(p -> p.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
  }
}
