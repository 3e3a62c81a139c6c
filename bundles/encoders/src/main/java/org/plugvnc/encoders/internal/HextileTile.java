package org.plugvnc.encoders.internal;

import org.plugvnc.api.encoding.PixelWriter;

/**
 * One Hextile tile of at most 16 x 16 pixels: its pixel values, what they hold, and the writing of
 * its subrectangles or raw pixels. Reused for every tile of a session.
 *
 * <p>{@link #load} converts the tile's colours and analyses them in the same pass: it counts runs
 * and tracks up to {@link #TRACKED} distinct values. A tile with more than two values whose runs
 * outgrow what coloured subrectangles could afford (each costs bytesPerPixel + 2 bytes, a raw pixel
 * bytesPerPixel) is declared {@link #busy} and the rest of it is only converted: photographs and
 * noise go raw after a row or two of analysis.
 */
final class HextileTile implements RectangleCover.Sink {

  /** Tile side (rfbproto: "Rectangles are split up into 16x16 tiles"). */
  static final int SIDE = 16;

  /** The number-of-subrectangles field is a U8; the size limit keeps below it anyway. */
  private static final int MAX_SUBRECTS = 255;

  /** Distinct values counted exactly; one more means "more than that". */
  private static final int TRACKED = 4;

  private final int[] values = new int[SIDE * SIDE];
  private final int[] work = new int[SIDE * SIDE];
  private final int[] colours = new int[TRACKED];
  private final int[] counts = new int[TRACKED];
  private int width;
  private int height;
  private int slots;
  private int distinct;
  private boolean busy;

  // The subrectangles being written, for the sink.
  private PixelLayout layout;
  private byte[] bytes;
  private int pos;
  private int limit;
  private boolean coloured;
  private int subrects;

  /**
   * Loads the {@code width x height} tile whose top-left colour is {@code pixels[offset]}, rows
   * {@code stride} apart, converting through {@code writer}.
   */
  void load(int[] pixels, int offset, int stride, int width, int height, PixelWriter writer,
      PixelLayout layout) {
    this.width = width;
    this.height = height;
    slots = 0;
    distinct = 0;
    busy = false;
    int budget = width * height * layout.bytes / (layout.bytes + 2);
    int lastColour = pixels[offset];
    int value = writer.pixelValue(lastColour);
    int runs = 0;
    int k = 0;
    for (int row = 0; row < height; row++) {
      int from = offset + row * stride;
      int runStart = k;
      for (int col = 0; col < width; col++) {
        int colour = pixels[from + col];
        if (colour != lastColour) {
          lastColour = colour;
          int next = writer.pixelValue(colour);
          if (next != value) {
            if (k > runStart) {
              track(value, k - runStart);
              runs++;
            }
            value = next;
            runStart = k;
          }
        }
        values[k++] = value;
      }
      track(value, k - runStart);
      runs++;
      if (distinct > 2 && runs * height > budget * (row + 1)) {
        busy = true;
        convertRows(pixels, offset, stride, row + 1, writer);
        return;
      }
    }
  }

  /** Converts rows {@code [row, height)} without analysing them. */
  private void convertRows(int[] pixels, int offset, int stride, int row, PixelWriter writer) {
    int k = row * width;
    int lastColour = pixels[offset];
    int value = writer.pixelValue(lastColour);
    for (; row < height; row++) {
      int from = offset + row * stride;
      for (int col = 0; col < width; col++) {
        int colour = pixels[from + col];
        if (colour != lastColour) {
          lastColour = colour;
          value = writer.pixelValue(colour);
        }
        values[k++] = value;
      }
    }
  }

  private void track(int value, int count) {
    for (int i = 0; i < slots; i++) {
      if (colours[i] == value) {
        counts[i] += count;
        return;
      }
    }
    if (slots < TRACKED) {
      colours[slots] = value;
      counts[slots++] = count;
      distinct = slots;
    } else {
      distinct = TRACKED + 1;
    }
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** Distinct pixel values: exact up to {@link #TRACKED}, else {@code TRACKED + 1}. */
  int distinct() {
    return distinct;
  }

  /** Whether the tile has too many runs of too many values for subrectangles to pay. */
  boolean busy() {
    return busy;
  }

  /** The value of the top-left pixel (the only one, for a solid tile). */
  int first() {
    return values[0];
  }

  /**
   * The most common of the tracked values; on a tie the first met, or {@code preferred} if
   * {@code hasPreferred} and it is one of them, which saves specifying a new background.
   */
  int background(boolean hasPreferred, int preferred) {
    int best = 0;
    for (int i = 1; i < slots; i++) {
      if (counts[i] > counts[best]
          || (hasPreferred && counts[i] == counts[best] && colours[i] == preferred)) {
        best = i;
      }
    }
    return colours[best];
  }

  /** For a two-value tile: the value that is not {@code background}. */
  int other(int background) {
    return colours[0] == background ? colours[1] : colours[0];
  }

  /**
   * Writes the subrectangles covering every pixel that is not {@code background} at
   * {@code b[at]} on, each preceded by its pixel value if {@code coloured}, as long as they end
   * before {@code limit}.
   *
   * @return where they end, or -1 if they would reach {@code limit}
   */
  int writeSubrects(byte[] b, int at, int limit, PixelLayout layout, boolean coloured,
      int background) {
    System.arraycopy(values, 0, work, 0, width * height);
    this.bytes = b;
    this.pos = at;
    this.limit = limit;
    this.layout = layout;
    this.coloured = coloured;
    subrects = 0;
    boolean complete = RectangleCover.cover(work, width, height, background, this);
    this.bytes = null;
    return complete ? pos : -1;
  }

  /** Subrectangles the last {@link #writeSubrects} wrote. */
  int subrects() {
    return subrects;
  }

  /**
   * "The position and size of each subrectangle is specified in two bytes, x-and-y-position and
   * width-and-height. The most-significant four bits of x-and-y-position specify the X position,
   * the least-significant specify the Y position. The most-significant four bits of
   * width-and-height specify the width minus one, the least-significant specify the height minus
   * one."
   */
  @Override
  public boolean subrect(int value, int x, int y, int w, int h) {
    int needed = coloured ? layout.bytes + 2 : 2;
    if (pos + needed >= limit || subrects == MAX_SUBRECTS) {
      return false;
    }
    if (coloured) {
      layout.put(bytes, pos, value);
      pos += layout.bytes;
    }
    bytes[pos] = (byte) (x << 4 | y);
    bytes[pos + 1] = (byte) ((w - 1) << 4 | (h - 1));
    pos += 2;
    subrects++;
    return true;
  }

  /** Writes the tile's pixel values at {@code b[at]} on and returns where they end. */
  int writePixels(byte[] b, int at, PixelLayout layout) {
    layout.putValues(values, 0, width * height, b, at);
    return at + width * height * layout.bytes;
  }
}
