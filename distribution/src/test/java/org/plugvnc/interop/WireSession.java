package org.plugvnc.interop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the two directions of one proxied connection must learn from each other: the protocol
 * version and security type (chosen by the viewer, or by the server in RFB 3.3), and the pixel
 * format the server writes in (set by the viewer's SetPixelFormat).
 */
final class WireSession {

  /** The parts of a pixel format that decide how many bytes a pixel takes on the wire. */
  record WireFormat(int bitsPerPixel, int depth, boolean trueColour, int redMax, int greenMax,
      int blueMax) {

    int bytesPerPixel() {
      return bitsPerPixel / 8;
    }

    /** Tight's TPIXEL (rfbproto): 3 bytes for 32-bit true colour, depth 24, 8-bit channels. */
    int tightPixelBytes() {
      boolean packed = trueColour && bitsPerPixel == 32 && depth == 24
          && redMax == 255 && greenMax == 255 && blueMax == 255;
      return packed ? 3 : bytesPerPixel();
    }

    static WireFormat parse(byte[] b, int at) {
      return new WireFormat(b[at] & 0xFF, b[at + 1] & 0xFF, b[at + 3] != 0,
          u16(b, at + 4), u16(b, at + 6), u16(b, at + 8));
    }

    private static int u16(byte[] b, int at) {
      return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
  }

  private static final long WAIT_SECONDS = 30;

  final CompletableFuture<Integer> minorVersion = new CompletableFuture<>();
  final CompletableFuture<Integer> securityType = new CompletableFuture<>();
  private WireFormat format;

  /** The format from ServerInit, unless the viewer's SetPixelFormat was already read. */
  synchronized void initialFormat(WireFormat serverFormat) {
    if (format == null) {
      format = serverFormat;
    }
  }

  /** The viewer's SetPixelFormat: the server writes in it from now on. */
  synchronized void viewerFormat(WireFormat viewerFormat) {
    format = viewerFormat;
  }

  synchronized WireFormat format() {
    return format;
  }

  /** Waits for what the other direction learns; it comes within a round trip or never. */
  static int await(CompletableFuture<Integer> value) throws java.io.IOException {
    try {
      return value.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted");
    } catch (ExecutionException | TimeoutException e) {
      throw new java.io.IOException("the other direction never told", e);
    }
  }
}
