package org.plugvnc.client.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The scripted server's streams with the RFB field writers a server needs. */
final class ServerWire {

  /** ServerInit: 64x48, 32 bpp depth 24 little-endian true colour 255/255/255 16/8/0, "sec". */
  static final byte[] SERVER_INIT = {0, 64, 0, 48, 32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255,
      0, (byte) 255, 16, 8, 0, 0, 0, 0, 0, 0, 0, 3, 's', 'e', 'c'};

  final DataInputStream in;
  final DataOutputStream out;

  ServerWire(InputStream in, OutputStream out) {
    this.in = new DataInputStream(in);
    this.out = new DataOutputStream(out);
  }

  /** ProtocolVersion 3.8 both ways, then the list of security types; returns the choice. */
  int versionAndTypes(int... types) throws IOException {
    out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    byte[] version = in.readNBytes(12);
    if (!"RFB 003.008\n".equals(new String(version, StandardCharsets.US_ASCII))) {
      throw new AssertionError("client announced " + new String(version, StandardCharsets.US_ASCII));
    }
    out.write(types.length);
    for (int t : types) {
      out.write(t);
    }
    out.flush();
    return in.readUnsignedByte();
  }

  /** SecurityResult OK. */
  void ok() throws IOException {
    out.writeInt(0);
    out.flush();
  }

  /** SecurityResult failed with a 3.8 reason. */
  void fail(String reason) throws IOException {
    byte[] r = reason.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(1);
    out.writeInt(r.length);
    out.write(r);
    out.flush();
  }

  /** Reads ClientInit (asserting shared) and sends ServerInit. */
  void init() throws IOException {
    int shared = in.readUnsignedByte();
    if (shared != 1) {
      throw new AssertionError("shared-flag " + shared);
    }
    out.write(SERVER_INIT);
    out.flush();
  }

  /** Reads exactly {@code n} bytes as UTF-8. */
  String text(int n) throws IOException {
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }
}
