package org.plugvnc.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.plugvnc.interop.WireSession.WireFormat;

/**
 * Follows what a viewer sends a server (RFC 6143 7.5 and rfbproto's extensions) for a
 * {@link CensusProxy}: the protocol version and security type it chooses, its SetPixelFormat
 * (which the server's stream is then written in) and its SetEncodings. A message it does not know
 * ends the following; the bytes are forwarded all the same.
 */
final class ClientStreamReader {

  private final ForwardingInput in;
  private final WireSession session;
  private final RfbCensus census;

  ClientStreamReader(ForwardingInput in, WireSession session, RfbCensus census) {
    this.in = in;
    this.session = session;
    this.census = census;
  }

  /** Reads until the stream ends; a stream it cannot follow is forwarded unread. */
  void run() throws IOException {
    try {
      handshake();
      while (true) {
        message(in.u8());
      }
    } catch (ServerStreamReader.UnknownContent e) {
      census.failed("viewer: " + e.getMessage());
      in.forwardRest();
    }
  }

  private void handshake() throws IOException {
    String version = new String(in.bytes(12), 0, 12, StandardCharsets.US_ASCII);
    int minor;
    try {
      minor = Integer.parseInt(version.substring(8, 11));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new ServerStreamReader.UnknownContent("protocol version " + version.strip());
    }
    in.flush();
    session.minorVersion.complete(minor >= 8 ? 8 : minor == 7 ? 7 : 3);
    int type;
    if (minor >= 7) {
      type = in.u8();
      session.securityType.complete(type);
    } else {
      in.flush();
      type = WireSession.await(session.securityType);
    }
    if (type == 2) {
      in.skip(16);
    }
    in.skip(1);
  }

  private void message(int type) throws IOException {
    switch (type) {
      case 0 -> {
        byte[] b = in.bytes(19);
        session.viewerFormat(WireFormat.parse(b, 3));
      }
      case 2 -> setEncodings();
      case 3 -> in.skip(9);
      case 4 -> in.skip(7);
      case 5 -> in.skip(5);
      case 6 -> {
        in.skip(3);
        in.skip(Math.abs((long) in.s32()));
      }
      case 150 -> in.skip(9);
      case 248 -> {
        in.skip(7);
        in.skip(in.u8());
      }
      case 251 -> {
        in.skip(5);
        int screens = in.u8();
        in.skip(1 + 16L * screens);
      }
      case 255 -> {
        int subtype = in.u8();
        if (subtype != 0) {
          throw new ServerStreamReader.UnknownContent("QEMU client message " + subtype);
        }
        in.skip(10);
      }
      default -> throw new ServerStreamReader.UnknownContent("client message type " + type);
    }
  }

  private void setEncodings() throws IOException {
    in.skip(1);
    int count = in.u16();
    List<Integer> encodings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      encodings.add(in.s32());
    }
    census.listed(encodings);
  }
}
