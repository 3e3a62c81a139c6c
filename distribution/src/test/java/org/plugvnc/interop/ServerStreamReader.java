package org.plugvnc.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.plugvnc.interop.WireSession.WireFormat;

/**
 * Follows what a server sends a viewer (RFC 6143 and rfbproto), counting it into an
 * {@link RfbCensus} without decoding pixels: it only needs every message's length, which each
 * encoding states or implies. Written from the specification, independently of plugvnc's own
 * client and server. Security types other than None and VncAuth, and encodings it does not know,
 * end the following (noted in the census); the bytes are forwarded all the same.
 */
final class ServerStreamReader {

  /** Called after each complete server message; may block to hold the stream there. */
  interface MessageGate {
    void afterMessage() throws InterruptedException;
  }

  private static final int PSEUDO_CURSOR = -239;
  private static final int PSEUDO_X_CURSOR = -240;
  private static final int PSEUDO_DESKTOP_SIZE = -223;
  private static final int PSEUDO_LAST_RECT = -224;
  private static final int PSEUDO_EXTENDED_DESKTOP_SIZE = -308;
  private static final int PSEUDO_DESKTOP_NAME = -307;
  private static final int PSEUDO_QEMU_KEY_EVENT = -258;
  private static final int PSEUDO_CURSOR_WITH_ALPHA = -314;
  private static final int PSEUDO_LED_STATE = -261;
  private static final int PSEUDO_VMWARE_CURSOR = 0x574D5664;
  private static final int PSEUDO_VMWARE_CURSOR_POSITION = 0x574D5666;
  private static final int PSEUDO_VMWARE_LED_STATE = 0x574D5668;

  private final ForwardingInput in;
  private final WireSession session;
  private final RfbCensus census;
  private final MessageGate gate;

  ServerStreamReader(ForwardingInput in, WireSession session, RfbCensus census, MessageGate gate) {
    this.in = in;
    this.session = session;
    this.census = census;
    this.gate = gate;
  }

  /** Reads until the stream ends; a stream it cannot follow is forwarded unread. */
  void run() throws IOException, InterruptedException {
    try {
      if (!handshake()) {
        in.forwardRest();
        return;
      }
      while (true) {
        message(in.u8());
        in.flush();
        gate.afterMessage();
      }
    } catch (UnknownContent e) {
      census.failed(e.getMessage());
      in.forwardRest();
    }
  }

  /** The handshake up to ServerInit; false when the connection ends in it. */
  private boolean handshake() throws IOException {
    String version = new String(in.bytes(12), 0, 12, StandardCharsets.US_ASCII);
    in.flush();
    int minor = WireSession.await(session.minorVersion);
    int type;
    if (minor < 7) {
      type = in.s32();
      session.securityType.complete(type);
      if (type == 0) {
        return false;
      }
    } else {
      int count = in.u8();
      if (count == 0) {
        return false;
      }
      in.skip(count);
      in.flush();
      type = WireSession.await(session.securityType);
    }
    if (type == 2) {
      in.skip(16);
      in.flush();
    } else if (type != 1) {
      throw new UnknownContent("security type " + type + " after " + version.strip());
    }
    if ((type == 2 || minor >= 8) && in.s32() != 0) {
      return false;
    }
    int width = in.u16();
    int height = in.u16();
    session.initialFormat(WireFormat.parse(in.bytes(16), 0));
    in.skip(Integer.toUnsignedLong(in.s32()));
    census.framebuffer(width, height);
    return true;
  }

  private void message(int type) throws IOException {
    switch (type) {
      case 0 -> framebufferUpdate();
      case 1 -> {
        in.skip(3);
        in.skip(6L * in.u16());
      }
      case 2 -> { }
      case 3 -> {
        in.skip(3);
        in.skip(Math.abs((long) in.s32()));
      }
      case 150 -> { }
      case 248 -> {
        in.skip(7);
        in.skip(in.u8());
      }
      default -> throw new UnknownContent("server message type " + type);
    }
  }

  private void framebufferUpdate() throws IOException {
    census.update();
    in.skip(1);
    int count = in.u16();
    for (int i = 0; i < count; i++) {
      byte[] h = in.bytes(12);
      int x = (h[0] & 0xFF) << 8 | (h[1] & 0xFF);
      int y = (h[2] & 0xFF) << 8 | (h[3] & 0xFF);
      int w = (h[4] & 0xFF) << 8 | (h[5] & 0xFF);
      int ht = (h[6] & 0xFF) << 8 | (h[7] & 0xFF);
      int encoding =
          (h[8] & 0xFF) << 24 | (h[9] & 0xFF) << 16 | (h[10] & 0xFF) << 8 | (h[11] & 0xFF);
      if (encoding == PSEUDO_LAST_RECT) {
        census.pseudo(encoding);
        return;
      }
      rectangle(x, y, w, ht, encoding);
    }
  }

  private void rectangle(int x, int y, int w, int h, int encoding) throws IOException {
    WireFormat f = session.format();
    int bpp = f.bytesPerPixel();
    long area = (long) w * h;
    switch (encoding) {
      case RfbCensus.RAW -> in.skip(area * bpp);
      case RfbCensus.COPY_RECT -> {
        int sx = in.u16();
        int sy = in.u16();
        census.copied(x, y, w, h, sx, sy);
        return;
      }
      case RfbCensus.RRE -> in.skip(Integer.toUnsignedLong(in.s32()) * (bpp + 8) + bpp);
      case RfbCensus.CORRE -> in.skip(Integer.toUnsignedLong(in.s32()) * (bpp + 4) + bpp);
      case RfbCensus.HEXTILE -> hextile(w, h, bpp);
      case RfbCensus.ZLIB, RfbCensus.ZRLE -> in.skip(Integer.toUnsignedLong(in.s32()));
      case RfbCensus.TIGHT -> {
        boolean jpeg = tight(w, h, f.tightPixelBytes());
        census.pixels(encoding, x, y, w, h, jpeg);
        return;
      }
      default -> {
        pseudoRectangle(w, h, encoding, bpp);
        census.pseudo(encoding);
        if (encoding == PSEUDO_DESKTOP_SIZE || encoding == PSEUDO_EXTENDED_DESKTOP_SIZE) {
          census.framebuffer(w, h);
        }
        return;
      }
    }
    census.pixels(encoding, x, y, w, h, false);
  }

  /** Hextile (RFC 6143 7.7.4): 16x16 tiles, each with its subencoding mask. */
  private void hextile(int w, int h, int bpp) throws IOException {
    for (int ty = 0; ty < h; ty += 16) {
      for (int tx = 0; tx < w; tx += 16) {
        int mask = in.u8();
        if ((mask & 1) != 0) {
          in.skip((long) Math.min(16, w - tx) * Math.min(16, h - ty) * bpp);
          continue;
        }
        int colours = ((mask & 2) != 0 ? bpp : 0) + ((mask & 4) != 0 ? bpp : 0);
        in.skip(colours);
        if ((mask & 8) != 0) {
          int subrects = in.u8();
          in.skip((long) subrects * ((mask & 16) != 0 ? bpp + 2 : 2));
        }
      }
    }
  }

  /** Tight (rfbproto): true when the rectangle was sent as JPEG. */
  private boolean tight(int w, int h, int tpixel) throws IOException {
    int control = in.u8();
    int compression = control >> 4;
    if (compression == 8) {
      in.skip(tpixel);
      return false;
    }
    if (compression == 9) {
      in.skip(compactLength());
      return true;
    }
    if (compression > 9) {
      throw new UnknownContent("Tight compression control 0x" + Integer.toHexString(control));
    }
    int filter = (control & 0x40) != 0 ? in.u8() : 0;
    long size;
    if (filter == 1) {
      int colours = in.u8() + 1;
      in.skip((long) colours * tpixel);
      size = colours == 2 ? (long) (w + 7) / 8 * h : (long) w * h;
    } else if (filter == 0 || filter == 2) {
      size = (long) w * h * tpixel;
    } else {
      throw new UnknownContent("Tight filter " + filter);
    }
    in.skip(size < 12 ? size : compactLength());
    return false;
  }

  /** Tight's compact length: 7 bits per byte while the top bit is set, at most 3 bytes. */
  private long compactLength() throws IOException {
    int b = in.u8();
    long length = b & 0x7F;
    if ((b & 0x80) != 0) {
      b = in.u8();
      length |= (long) (b & 0x7F) << 7;
      if ((b & 0x80) != 0) {
        length |= (long) in.u8() << 14;
      }
    }
    return length;
  }

  private void pseudoRectangle(int w, int h, int encoding, int bpp) throws IOException {
    long area = (long) w * h;
    switch (encoding) {
      case PSEUDO_CURSOR -> in.skip(area * bpp + (long) (w + 7) / 8 * h);
      case PSEUDO_X_CURSOR -> in.skip(area == 0 ? 0 : 6 + 2L * ((w + 7) / 8) * h);
      case PSEUDO_CURSOR_WITH_ALPHA -> {
        int inner = in.s32();
        if (inner != RfbCensus.RAW) {
          throw new UnknownContent("alpha cursor in encoding " + inner);
        }
        in.skip(area * 4);
      }
      case PSEUDO_VMWARE_CURSOR -> {
        int kind = in.u8();
        in.skip(1);
        in.skip(kind == 0 ? 2 * area * bpp : area * 4);
      }
      case PSEUDO_DESKTOP_SIZE, PSEUDO_QEMU_KEY_EVENT, PSEUDO_VMWARE_CURSOR_POSITION -> { }
      case PSEUDO_EXTENDED_DESKTOP_SIZE -> {
        int screens = in.u8();
        in.skip(3 + 16L * screens);
      }
      case PSEUDO_DESKTOP_NAME -> in.skip(Integer.toUnsignedLong(in.s32()));
      case PSEUDO_LED_STATE -> in.skip(1);
      case PSEUDO_VMWARE_LED_STATE -> in.skip(4);
      default -> throw new UnknownContent("rectangle encoding " + encoding);
    }
  }

  /** Content this reader cannot measure. */
  static final class UnknownContent extends IOException {
    private static final long serialVersionUID = 1L;

    UnknownContent(String what) {
      super(what);
    }
  }
}
