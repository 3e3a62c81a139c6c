package org.plugvnc.encoders.internal;

import org.plugvnc.api.encoding.PixelWriter;

/**
 * One Hextile tile of at most 16 x 16 pixels, read in place from an array of keys: what it holds,
 * and the writing of its subrectangles or raw pixels. Reused for every tile of a session.
 *
 * <p>Keys are what the tile compares. They are either the pixel values themselves (the encoder
 * converted the band first), or 0x00RRGGBB colours where the viewer's format tells every colour
 * apart, so that equal keys mean equal values; then a {@link PixelWriter} converts only what is
 * written.
 *
 * <p>{@link #load} first skips the rows that hold only the top-left key (a tight loop that makes
 * solid tiles cheap), then analyses the rest in one pass whose only branch that depends on the
 * picture is taken once (finding the second key): per row it makes the masks of the pixels that
 * differ from the first key and from the second, and counts runs of equal keys; the masks give the
 * two keys' counts and whether a third exists.
 * A tile with a third key and more runs so far than coloured subrectangles could afford (each
 * costs bytesPerPixel + 2 bytes, a raw pixel bytesPerPixel) is {@link #busy}: the pass stops after
 * that row and the tile goes raw, so photographs and noise cost a row of analysis per tile.
 *
 * <p>Subrectangles are found as {@link RectangleCover} does for RRE (runs grown downwards while
 * the run's whole width continues below), on one bit mask per row of the pixels still to cover, so
 * that background pixels are skipped a word at a time.
 */
final class HextileTile {

  /** Tile side (rfbproto: "Rectangles are split up into 16x16 tiles"). */
  static final int SIDE = 16;

  /** The number-of-subrectangles field is a U8; the size limit keeps below it anyway. */
  private static final int MAX_SUBRECTS = 255;

  private final int[] firstMasks = new int[SIDE];
  private final int[] masks = new int[SIDE];
  private int[] keys;
  private int offset;
  private int stride;
  private PixelWriter converter;
  private int width;
  private int height;
  private int first;
  private int second;
  private int firstCount;
  private int secondCount;
  private int distinct;
  private boolean busy;
  private int subrects;

  /**
   * Loads the {@code width x height} tile whose top-left key is {@code keys[offset]}, rows
   * {@code stride} apart. {@code converter} turns keys into pixel values, or is null if the keys
   * are pixel values. The tile reads {@code keys} until the next load.
   */
  void load(int[] keys, int offset, int stride, int width, int height, PixelLayout layout,
      PixelWriter converter) {
    this.keys = keys;
    this.offset = offset;
    this.stride = stride;
    this.converter = converter;
    this.width = width;
    this.height = height;
    int a = keys[offset];
    int solidRows = solidRows(a);
    first = a;
    second = a;
    firstCount = solidRows * width;
    secondCount = 0;
    distinct = 1;
    busy = false;
    if (solidRows < height) {
      analyse(solidRows, width * height * layout.bytes / (layout.bytes + 2));
    }
  }

  /** How many rows from the top hold nothing but {@code a}: a tight loop, no counting. */
  private int solidRows(int a) {
    for (int row = 0; row < height; row++) {
      int from = offset + row * stride;
      int differ = 0;
      for (int col = 0; col < width; col++) {
        differ |= keys[from + col] ^ a;
      }
      if (differ != 0) {
        return row;
      }
      firstMasks[row] = 0;
    }
    return height;
  }

  /**
   * The full pass over rows {@code [fromRow, height)}, the rows above holding only the first key;
   * stops early when the tile proves busy against {@code budget} subrectangles.
   */
  private void analyse(int fromRow, int budget) {
    int a = first;
    int b = a;
    int countA = firstCount;
    int countB = 0;
    boolean third = false;
    int runs = fromRow;
    int previous = a;
    for (int row = fromRow; row < height; row++) {
      int from = offset + row * stride;
      int notA = 0;
      int notB = 0;
      for (int col = 0; col < width; col++) {
        int key = keys[from + col];
        if (b == a && key != a) {
          b = key;
        }
        notA |= (key != a ? 1 : 0) << col;
        notB |= (key != b ? 1 : 0) << col;
        runs += key != previous ? 1 : 0;
        previous = key;
      }
      // Before b was found every pixel was a, with notA clear: the masks hold for the whole row.
      firstMasks[row] = notA;
      countA += width - Integer.bitCount(notA);
      countB += Integer.bitCount(notA & ~notB);
      third |= (notA & notB) != 0;
      runs++;
      if (third && runs * height > budget * (row + 1)) {
        busy = true;
        break;
      }
    }
    second = b;
    firstCount = countA;
    secondCount = countB;
    distinct = third ? 3 : 2;
  }

  /** Drops the references to the last tile's keys and converter (the request's, not ours). */
  void forget() {
    keys = null;
    converter = null;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** 1 for a solid tile, 2 for two keys, 3 for more. */
  int distinct() {
    return distinct;
  }

  /** Whether the tile has more keys and runs than coloured subrectangles could pay for. */
  boolean busy() {
    return busy;
  }

  /** The key of the top-left pixel (the only one, for a solid tile). */
  int first() {
    return first;
  }

  /** The pixel value for {@code key}. */
  int pixel(int key) {
    return converter == null ? key : converter.pixelValue(key);
  }

  /**
   * The more common of the first two keys met (exact for a two-key tile, a good guess for more);
   * on a tie {@code preferred} if {@code hasPreferred} and it is one of them, which saves
   * specifying a new background.
   */
  int background(boolean hasPreferred, int preferred) {
    if (firstCount == secondCount && hasPreferred && preferred == second) {
      return second;
    }
    return firstCount >= secondCount ? first : second;
  }

  /** For a two-key tile: the key that is not {@code background}. */
  int other(int background) {
    return background == first ? second : first;
  }

  /**
   * Writes the subrectangles covering every pixel that is not {@code background} at
   * {@code b[at]} on, each preceded by its pixel value if {@code coloured}, as long as they end
   * before {@code limit}. "The position and size of each subrectangle is specified in two bytes,
   * x-and-y-position and width-and-height. The most-significant four bits of x-and-y-position
   * specify the X position, the least-significant specify the Y position. The most-significant four
   * bits of width-and-height specify the width minus one, the least-significant specify the height
   * minus one."
   *
   * @return where they end, or -1 if they would reach {@code limit}
   */
  int writeSubrects(byte[] b, int at, int limit, PixelLayout layout, boolean coloured,
      int background) {
    loadMasks(background);
    int needed = coloured ? layout.bytes + 2 : 2;
    subrects = 0;
    for (int y = 0; y < height; y++) {
      int row = offset + y * stride;
      int mask = masks[y];
      while (mask != 0) {
        int x = Integer.numberOfTrailingZeros(mask);
        int key = keys[row + x];
        int end = runEnd(mask, row, x, key, coloured);
        int bits = (1 << end) - (1 << x);
        int bottom = grow(y + 1, bits, x, end, key, coloured);
        mask &= ~bits;
        if (at + needed >= limit || subrects == MAX_SUBRECTS) {
          return -1;
        }
        if (coloured) {
          layout.put(b, at, pixel(key));
          at += layout.bytes;
        }
        b[at] = (byte) (x << 4 | y);
        b[at + 1] = (byte) ((end - x - 1) << 4 | (bottom - y - 1));
        at += 2;
        subrects++;
      }
    }
    return at;
  }

  /** One mask per row: bit x set where the pixel is not {@code background}. */
  private void loadMasks(int background) {
    if (background == first) {
      System.arraycopy(firstMasks, 0, masks, 0, height);
      return;
    }
    for (int y = 0; y < height; y++) {
      int row = offset + y * stride;
      int mask = 0;
      for (int x = 0; x < width; x++) {
        mask |= (keys[row + x] != background ? 1 : 0) << x;
      }
      masks[y] = mask;
    }
  }

  /** One past the last column of the run of {@code key} starting at x in {@code mask}'s row. */
  private int runEnd(int mask, int row, int x, int key, boolean coloured) {
    int end = x + Integer.numberOfTrailingZeros(~(mask >>> x));
    if (coloured) {
      for (int c = x + 1; c < end; c++) {
        if (keys[row + c] != key) {
          return c;
        }
      }
    }
    return end;
  }

  /**
   * Grows a run of {@code key} over {@code bits} (columns {@code [x, end)}) down from row
   * {@code y}, taking those bits out of the rows it covers; returns the first row it does not.
   */
  private int grow(int y, int bits, int x, int end, int key, boolean coloured) {
    for (; y < height; y++) {
      if ((masks[y] & bits) != bits || (coloured && !same(offset + y * stride, x, end, key))) {
        return y;
      }
      masks[y] &= ~bits;
    }
    return height;
  }

  private boolean same(int row, int x, int end, int key) {
    for (int c = x; c < end; c++) {
      if (keys[row + c] != key) {
        return false;
      }
    }
    return true;
  }

  /** Subrectangles the last {@link #writeSubrects} wrote. */
  int subrects() {
    return subrects;
  }

  /** Writes the tile's pixel values at {@code b[at]} on and returns where they end. */
  int writePixels(byte[] b, int at, PixelLayout layout) {
    for (int y = 0; y < height; y++) {
      int row = offset + y * stride;
      if (converter == null) {
        layout.putValues(keys, row, width, b, at);
      } else {
        layout.putColours(keys, row, width, converter, b, at);
      }
      at += width * layout.bytes;
    }
    return at;
  }
}
