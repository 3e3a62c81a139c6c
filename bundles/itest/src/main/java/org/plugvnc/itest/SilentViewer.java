package org.plugvnc.itest;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A viewer on a raw socket that completes the RFB 3.8 handshake with security None and then reads
 * only when the test says so: the viewer that stops reading, with a receive buffer kept small so
 * that the kernel absorbs little of what the server sends it.
 */
final class SilentViewer implements AutoCloseable {

  private final Socket socket = new Socket();
  private final DataInputStream in;
  private final OutputStream out;

  SilentViewer(int port) throws IOException {
    socket.setReceiveBufferSize(8192);
    socket.setSoTimeout((int) ServerFixture.TIMEOUT.toMillis());
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    in.readFully(new byte[12]);
    out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
    int count = in.readUnsignedByte();
    if (count == 0) {
      throw new IOException("refused: " + readString());
    }
    in.readFully(new byte[count]);
    out.write(1);
    if (in.readInt() != 0) {
      throw new IOException("security failed: " + readString());
    }
    out.write(1); // shared
    in.readFully(new byte[20]);
    readString(); // the desktop name
  }

  void send(byte[] message) throws IOException {
    out.write(message);
  }

  /** The next server message's type, with its body read; the text of a ServerCutText. */
  record Message(int type, String text) {}

  Message read() throws IOException {
    int type = in.readUnsignedByte();
    switch (type) {
      case 1: { // SetColourMapEntries
        in.readFully(new byte[3]);
        int n = in.readUnsignedShort();
        in.readFully(new byte[6 * n]);
        return new Message(type, null);
      }
      case 2:
        return new Message(type, null);
      case 3: {
        in.readFully(new byte[3]);
        byte[] text = new byte[in.readInt()];
        in.readFully(text);
        return new Message(type, new String(text, StandardCharsets.ISO_8859_1));
      }
      default:
        throw new IOException("unexpected server message type " + type);
    }
  }

  private String readString() throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 65536) {
      throw new IOException("implausible string length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
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
