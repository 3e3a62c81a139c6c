package org.plugvnc.client.decode;

import java.util.Arrays;
import org.plugvnc.client.CursorShape;
import org.plugvnc.client.Limits;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbProtocolException;

/**
 * The client's copy of the remote framebuffer as 0x00RRGGBB ints, plus the decoding state that
 * goes with it: the pixel format in force, the colour map, the last cursor shape and the
 * encodings the client listed. Decoders write into it; not thread-safe (one reading thread),
 * except {@link #listedEncodings()}.
 */
public final class Framebuffer {

  private final Limits limits;
  private final ColourMap colourMap = new ColourMap();
  private final ListedEncodings listedEncodings = new ListedEncodings();
  private int width;
  private int height;
  private int[] pixels;
  private PixelFormat pixelFormat;
  private PixelDecoder decoder;
  private RfbProtocolException undecodable;
  private CursorShape cursor;
  private byte[] scratch = new byte[0];

  /**
   * @param width initial width (from ServerInit)
   * @param height initial height
   * @param pixelFormat the pixel format in force (the server's natural one from ServerInit)
   * @param limits bounds for resizes and cursors
   * @throws RfbProtocolException if the size exceeds {@link Limits#maxFramebufferPixels()}
   */
  public Framebuffer(int width, int height, PixelFormat pixelFormat, Limits limits)
      throws RfbProtocolException {
    this.limits = limits;
    resize(width, height);
    setPixelFormat(pixelFormat);
  }

  /** @return current width */
  public int width() {
    return width;
  }

  /** @return current height */
  public int height() {
    return height;
  }

  /** @return the pixel at (x, y) as 0x00RRGGBB */
  public int pixel(int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      throw new IndexOutOfBoundsException("(" + x + "," + y + ") outside " + width + "x" + height);
    }
    return pixels[y * width + x];
  }

  /** @return the live pixel array, row by row; decoders write into it */
  public int[] buffer() {
    return pixels;
  }

  /** @return the limits this framebuffer enforces */
  public Limits limits() {
    return limits;
  }

  /**
   * Replaces the framebuffer with a black one of the new size (RFB leaves the content after a
   * size change undefined; the server sends it again).
   *
   * @throws RfbProtocolException if the new area exceeds {@link Limits#maxFramebufferPixels()}
   */
  public void resize(int newWidth, int newHeight) throws RfbProtocolException {
    if (newWidth < 0 || newHeight < 0
        || (long) newWidth * newHeight > limits.maxFramebufferPixels()) {
      throw new RfbProtocolException("framebuffer size " + newWidth + "x" + newHeight
          + " exceeds the limit of " + limits.maxFramebufferPixels() + " pixels");
    }
    width = newWidth;
    height = newHeight;
    pixels = new int[newWidth * newHeight];
  }

  /**
   * Switches to a new pixel format and empties the colour map, as RFB requires after
   * SetPixelFormat. A format this client cannot decode is accepted here (a test may send one
   * on purpose) and reported when pixels arrive in it.
   */
  public void setPixelFormat(PixelFormat format) {
    pixelFormat = format;
    colourMap.clear();
    try {
      decoder = PixelDecoder.of(format, colourMap);
      undecodable = null;
    } catch (RfbProtocolException e) {
      decoder = null;
      undecodable = e;
    }
  }

  /** @return the pixel format in force */
  public PixelFormat pixelFormat() {
    return pixelFormat;
  }

  /**
   * @return the decoder for the pixel format in force
   * @throws RfbProtocolException if that format cannot be decoded
   */
  public PixelDecoder pixelDecoder() throws RfbProtocolException {
    if (decoder == null) {
      throw new RfbProtocolException(undecodable.getMessage());
    }
    return decoder;
  }

  /** @return the colour map (live) */
  public ColourMap colourMap() {
    return colourMap;
  }

  /** @return the encodings the client listed so far (live; any thread may add) */
  public ListedEncodings listedEncodings() {
    return listedEncodings;
  }

  /** @return the last cursor shape received, or null */
  public CursorShape cursor() {
    return cursor;
  }

  /** @param shape the new cursor shape */
  public void setCursor(CursorShape shape) {
    cursor = shape;
  }

  /**
   * @throws RfbProtocolException if {@code r} does not lie inside the framebuffer, which RFB
   *         requires of every rectangle that carries pixels
   */
  public void checkInside(Rectangle r) throws RfbProtocolException {
    checkInside(r.x(), r.y(), r.width(), r.height(), r.toString());
  }

  /** @throws RfbProtocolException if the area does not lie inside the framebuffer */
  public void checkInside(int x, int y, int w, int h, String what) throws RfbProtocolException {
    if ((long) x + w > width || (long) y + h > height) {
      throw new RfbProtocolException(what + " lies outside the " + width + "x" + height
          + " framebuffer");
    }
  }

  /**
   * Fills an area with one colour; the caller has checked that it lies inside.
   *
   * @param rgb the colour as 0x00RRGGBB
   */
  public void fill(int x, int y, int w, int h, int rgb) {
    for (int row = y; row < y + h; row++) {
      int start = row * width + x;
      Arrays.fill(pixels, start, start + w, rgb);
    }
  }

  /** @return a reusable byte array of at least {@code size} bytes, for row buffers */
  public byte[] scratch(int size) {
    if (scratch.length < size) {
      scratch = new byte[size];
    }
    return scratch;
  }
}
