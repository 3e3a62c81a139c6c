package org.plugvnc.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What went over one viewer's connection, as a {@link CensusProxy} read it: the encodings the
 * viewer listed, the rectangles the server sent in each encoding, and for every framebuffer pixel
 * how the viewer last got it (never, losslessly, or through JPEG; a CopyRect carries the state of
 * its source along). Written by the proxy's two reading threads, read by the test: every method
 * is synchronized.
 */
public final class RfbCensus {

  /** Encoding numbers (RFC 6143 7.7 and rfbproto) the tests name. */
  public static final int RAW = 0;
  public static final int COPY_RECT = 1;
  public static final int RRE = 2;
  public static final int CORRE = 4;
  public static final int HEXTILE = 5;
  public static final int ZLIB = 6;
  public static final int TIGHT = 7;
  public static final int ZRLE = 16;

  private static final byte NEVER = 0;
  private static final byte LOSSLESS = 1;
  private static final byte LOSSY = 2;

  private final Map<Integer, Integer> rectsByEncoding = new TreeMap<>();
  private List<Integer> listedEncodings = List.of();
  private int width;
  private int height;
  private byte[] state = new byte[0];
  private int updates;
  private int jpegRects;
  private String failure;

  /**
   * The framebuffer's size from ServerInit, or from a DesktopSize: a new size means every pixel
   * is still to be received; a size repeated (a reply to SetDesktopSize) changes nothing.
   */
  synchronized void framebuffer(int newWidth, int newHeight) {
    if (newWidth == width && newHeight == height) {
      return;
    }
    width = newWidth;
    height = newHeight;
    state = new byte[newWidth * newHeight];
  }

  synchronized void listed(List<Integer> encodings) {
    listedEncodings = List.copyOf(encodings);
  }

  synchronized void update() {
    updates++;
  }

  /** A rectangle of pixels arrived; {@code jpeg} when Tight sent it with its JPEG compression. */
  synchronized void pixels(int encoding, int x, int y, int w, int h, boolean jpeg) {
    rectsByEncoding.merge(encoding, 1, Integer::sum);
    if (jpeg) {
      jpegRects++;
    }
    byte mark = jpeg ? LOSSY : LOSSLESS;
    for (int row = Math.max(0, y); row < Math.min(height, y + h); row++) {
      for (int col = Math.max(0, x); col < Math.min(width, x + w); col++) {
        state[row * width + col] = mark;
      }
    }
  }

  /** A CopyRect from (sx, sy) to the rectangle at (x, y): its pixels keep how they were got. */
  synchronized void copied(int x, int y, int w, int h, int sx, int sy) {
    rectsByEncoding.merge(COPY_RECT, 1, Integer::sum);
    byte[] moved = new byte[Math.max(0, w) * Math.max(0, h)];
    for (int row = 0; row < h; row++) {
      for (int col = 0; col < w; col++) {
        moved[row * w + col] = stateAt(sx + col, sy + row);
      }
    }
    for (int row = 0; row < h; row++) {
      for (int col = 0; col < w; col++) {
        if (x + col >= 0 && x + col < width && y + row >= 0 && y + row < height) {
          state[(y + row) * width + x + col] = moved[row * w + col];
        }
      }
    }
  }

  /** A pseudo-rectangle (cursor, desktop size...) that carries no framebuffer pixels. */
  synchronized void pseudo(int encoding) {
    rectsByEncoding.merge(encoding, 1, Integer::sum);
  }

  /** The stream could not be followed from here on (it is still forwarded). */
  synchronized void failed(String why) {
    if (failure == null) {
      failure = why;
    }
  }

  private byte stateAt(int x, int y) {
    return x >= 0 && x < width && y >= 0 && y < height ? state[y * width + x] : NEVER;
  }

  /** Rectangles per encoding number, pseudo-encodings included. */
  public synchronized Map<Integer, Integer> rectsByEncoding() {
    return new TreeMap<>(rectsByEncoding);
  }

  /** Rectangles received in {@code encoding}. */
  public synchronized int rects(int encoding) {
    return rectsByEncoding.getOrDefault(encoding, 0);
  }

  /** The viewer's last SetEncodings, in its order. */
  public synchronized List<Integer> listedEncodings() {
    return listedEncodings;
  }

  /** Encodings the server used for rectangles that the viewer never listed (Raw always may be). */
  public synchronized List<Integer> unlistedEncodingsUsed() {
    List<Integer> unlisted = new ArrayList<>();
    for (int encoding : rectsByEncoding.keySet()) {
      if (encoding != RAW && !listedEncodings.contains(encoding)) {
        unlisted.add(encoding);
      }
    }
    return unlisted;
  }

  public synchronized int updates() {
    return updates;
  }

  /** Tight rectangles sent with JPEG compression. */
  public synchronized int jpegRects() {
    return jpegRects;
  }

  /** Whether the viewer has been sent every pixel of the framebuffer at least once. */
  public synchronized boolean everyPixelReceived() {
    for (byte b : state) {
      if (b == NEVER) {
        return false;
      }
    }
    return state.length > 0;
  }

  /** Pixels whose latest version reached the viewer through JPEG (lossy) and not yet again. */
  public synchronized int lossyPixels() {
    int lossy = 0;
    for (byte b : state) {
      lossy += b == LOSSY ? 1 : 0;
    }
    return lossy;
  }

  /** Why the stream could not be followed, or null while it could. */
  public synchronized String failure() {
    return failure;
  }

  @Override
  public synchronized String toString() {
    StringBuilder s = new StringBuilder("census: ").append(updates).append(" updates, rects");
    rectsByEncoding.forEach((e, n) -> s.append(' ').append(name(e)).append('=').append(n));
    s.append(", ").append(jpegRects).append(" JPEG, listed ").append(listedEncodings);
    if (failure != null) {
      s.append(", stream not followed: ").append(failure);
    }
    return s.toString();
  }

  /** A short name for an encoding number, for messages. */
  public static String name(int encoding) {
    return switch (encoding) {
      case RAW -> "Raw";
      case COPY_RECT -> "CopyRect";
      case RRE -> "RRE";
      case CORRE -> "CoRRE";
      case HEXTILE -> "Hextile";
      case ZLIB -> "Zlib";
      case TIGHT -> "Tight";
      case ZRLE -> "ZRLE";
      case -239 -> "Cursor";
      case -223 -> "DesktopSize";
      case -224 -> "LastRect";
      case -308 -> "ExtendedDesktopSize";
      case -307 -> "DesktopName";
      default -> Integer.toString(encoding);
    };
  }
}
