package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A raw 3.8 connection from {@code local} that has read the server's security-type list. */
final class RawConnection implements AutoCloseable {
  final Socket socket;
  final DataInputStream in;
  final DataOutputStream out;
  final List<Integer> types = new ArrayList<>();
  String refusal;

  RawConnection(String local, int port) throws IOException {
    socket = new Socket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(10_000);
    in = new DataInputStream(socket.getInputStream());
    out = new DataOutputStream(socket.getOutputStream());
    assertEquals("RFB 003.008\n", new String(in.readNBytes(12), StandardCharsets.US_ASCII));
    out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    int n = in.readUnsignedByte();
    if (n == 0) {
      refusal = reason();
    }
    for (int i = 0; i < n; i++) {
      types.add(in.readUnsignedByte());
    }
  }

  /** Chooses VeNCrypt, agrees on version 0.2 and returns the subtypes the server lists. */
  List<Integer> veNCryptSubtypes() throws IOException {
    out.write(19);
    out.flush();
    assertEquals(0, in.readUnsignedByte(), "VeNCrypt major version");
    assertEquals(2, in.readUnsignedByte(), "VeNCrypt minor version");
    out.write(new byte[] {0, 2});
    out.flush();
    assertEquals(0, in.readUnsignedByte(), "the server accepts version 0.2");
    int n = in.readUnsignedByte();
    List<Integer> subtypes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      subtypes.add(in.readInt());
    }
    return subtypes;
  }

  /** A string as RFB sends reasons: u32 length, then UTF-8; a bounded read. */
  String reason() throws IOException {
    int length = in.readInt();
    assertTrue(length >= 0 && length < 4096, "a reason of " + length + " bytes");
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
