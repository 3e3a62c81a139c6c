package org.plugvnc.encoders.internal;

import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.encoding.RectContent;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.pixel.Rect;

/**
 * Writes Hextile payloads (RFC 6143 section 7.7.4, rfbproto "Hextile Encoding"): the rectangle in
 * 16 x 16 tiles, "left-to-right, top-to-bottom", the last column and row of tiles narrower or
 * shorter, each tile a subencoding mask and its data. Each tile takes the smallest form: a solid
 * tile is its background alone; a two-value tile a foreground and plain subrectangles; more values
 * coloured subrectangles while they are smaller than raw pixels; otherwise raw.
 *
 * <p>Carry-over between tiles, within one rectangle only:
 * <ul>
 *   <li>"The first non-raw tile in a rectangle must have [BackgroundSpecified] set. If this bit
 *       isn't set then the background is the same as the last tile." The background is written
 *       only when it differs from the one the viewer holds.
 *   <li>"If the ForegroundSpecified bit wasn't set then the foreground is the same as the last
 *       tile." The foreground is written only when a plain-subrectangle tile needs a different one.
 *   <li>A Raw tile specifies neither, and viewers differ on what follows it (noVNC ignores a mask-0
 *       tile that comes right after a raw one), so after a Raw tile both count as unknown and are
 *       specified again.
 *   <li>After a SubrectsColoured tile the foreground counts as unknown: TigerVNC's decoder leaves
 *       the last subrectangle's colour as the foreground, noVNC keeps the previous one.
 * </ul>
 * Every tile is at most its raw size (1 + width * height * bytesPerPixel bytes).
 *
 * <p>Where the viewer's format gives every colour its own value (true colour, 8-bit channels)
 * tiles are analysed on the request's colours and only what is written is converted; otherwise
 * each band of 16 rows is converted first, so that colours the viewer cannot tell apart count as
 * one.
 */
final class HextileEncoder implements Encoder {

  static final int RAW = 1;
  static final int BACKGROUND_SPECIFIED = 2;
  static final int FOREGROUND_SPECIFIED = 4;
  static final int ANY_SUBRECTS = 8;
  static final int SUBRECTS_COLOURED = 16;

  private static final int SIDE = HextileTile.SIDE;
  private static final int MAX_TILE_BYTES = 1 + SIDE * SIDE * 4;

  private final OutputChunk chunk = new OutputChunk();
  private final HextileTile tile = new HextileTile();
  /** Pixel values of the 16 rows of tiles being written, row by row, as wide as the rectangle. */
  private int[] band = new int[0];

  // Per rectangle: the keys of what the viewer holds as background and foreground.
  private PixelLayout layout;
  private boolean backgroundKnown;
  private boolean foregroundKnown;
  private int background;
  private int foreground;

  @Override
  public void encode(EncodeRequest request, RfbOutput out) {
    Rect rect = request.rect();
    if (rect.isEmpty()) {
      return;
    }
    PixelWriter writer = request.writer();
    layout = PixelLayout.of(writer.format());
    backgroundKnown = false;
    foregroundKnown = false;
    RectContent content = request.content();
    if (content != null && content.kind() == ContentClass.SOLID) {
      encodeSolid(rect, writer.pixelValue(content.palette()[0]), out);
    } else if (RawEncoder.colourIsPixelValue(writer.format())) {
      // The usual format: colours are the pixel values, nothing to convert.
      encodeTiles(request, request.pixels(), null, false, out);
    } else if (distinguishesEveryColour(writer.format())) {
      encodeTiles(request, request.pixels(), writer, false, out);
    } else {
      encodeTiles(request, band, null, true, out);
    }
    tile.forget();
    chunk.flush(out);
  }

  /**
   * Whether every colour has its own pixel value in {@code format}: true colour with 8-bit
   * channels. Then tiles compare the colours themselves and only what is written is converted.
   */
  private static boolean distinguishesEveryColour(PixelFormat format) {
    return format.trueColour() && format.redMax() == 255 && format.greenMax() == 255
        && format.blueMax() == 255;
  }

  /**
   * Writes every tile of the rectangle. {@code converter} set: the tiles' keys are the request's
   * colours, converted by it. Null: the keys are pixel values, either the request's colours
   * themselves or, with {@code convertBands}, each band of 16 rows converted into {@link #band}.
   */
  private void encodeTiles(EncodeRequest request, int[] keys, PixelWriter converter,
      boolean convertBands, RfbOutput out) {
    Rect rect = request.rect();
    for (int ty = 0; ty < rect.height(); ty += SIDE) {
      int height = Math.min(SIDE, rect.height() - ty);
      int rowStart;
      int stride;
      if (convertBands) {
        keys = convertBand(request, rect.y() + ty, height);
        rowStart = 0;
        stride = rect.width();
      } else {
        rowStart = request.rowStart(rect.y() + ty);
        stride = request.stride();
      }
      for (int tx = 0; tx < rect.width(); tx += SIDE) {
        int width = Math.min(SIDE, rect.width() - tx);
        int start = chunk.reserve(out, MAX_TILE_BYTES);
        tile.load(keys, rowStart + tx, stride, width, height, layout, converter);
        chunk.length = writeTile(start);
      }
    }
  }

  /** Every tile solid in one pixel value: the first specifies it, the others repeat it. */
  private void encodeSolid(Rect rect, int value, RfbOutput out) {
    int tiles = ((rect.width() + SIDE - 1) / SIDE) * ((rect.height() + SIDE - 1) / SIDE);
    for (int t = 0; t < tiles; t++) {
      int start = chunk.reserve(out, MAX_TILE_BYTES);
      chunk.length = writeSolid(start, value, value);
    }
  }

  /**
   * Converts {@code rows} whole rows of the rectangle from framebuffer row {@code y} on into
   * {@link #band} and returns it: long row loops, converting each run of one colour once.
   */
  private int[] convertBand(EncodeRequest request, int y, int rows) {
    int width = request.rect().width();
    if (band.length < width * SIDE) {
      band = new int[width * SIDE];
    }
    int[] pixels = request.pixels();
    PixelWriter writer = request.writer();
    int lastColour = pixels[request.rowStart(y)];
    int lastValue = writer.pixelValue(lastColour);
    for (int row = 0; row < rows; row++) {
      int from = request.rowStart(y + row);
      int to = row * width;
      for (int x = 0; x < width; x++) {
        int colour = pixels[from + x];
        if (colour != lastColour) {
          lastColour = colour;
          lastValue = writer.pixelValue(colour);
        }
        band[to + x] = lastValue;
      }
    }
    return band;
  }

  /** Writes the loaded tile in its smallest form at {@code start}; returns where it ends. */
  private int writeTile(int start) {
    if (tile.distinct() == 1) {
      return writeSolid(start, tile.first(), tile.pixel(tile.first()));
    }
    int rawEnd = start + 1 + tile.width() * tile.height() * layout.bytes;
    int end = tile.busy() ? -1 : writeSubrects(start, rawEnd);
    return end >= 0 ? end : writeRaw(start);
  }

  /**
   * "If not set, there are no subrectangles (i.e. the whole tile is just solid background)": a
   * tile of {@code key}, whose pixel value is {@code value}.
   */
  private int writeSolid(int start, int key, int value) {
    byte[] b = chunk.bytes;
    if (backgroundKnown && background == key) {
      b[start] = 0;
      return start + 1;
    }
    b[start] = BACKGROUND_SPECIFIED;
    layout.put(b, start + 1, value);
    background = key;
    backgroundKnown = true;
    return start + 1 + layout.bytes;
  }

  /**
   * Writes the tile as subrectangles, plain for two values, coloured for more, if that ends before
   * {@code rawEnd}; returns where it ends, or -1 (nothing carried over changed).
   */
  private int writeSubrects(int start, int rawEnd) {
    byte[] b = chunk.bytes;
    boolean plain = tile.distinct() == 2;
    int tileBackground = tile.background(backgroundKnown, background);
    int mask = ANY_SUBRECTS;
    int at = start + 1;
    if (!backgroundKnown || background != tileBackground) {
      mask |= BACKGROUND_SPECIFIED;
      layout.put(b, at, tile.pixel(tileBackground));
      at += layout.bytes;
    }
    int tileForeground = plain ? tile.other(tileBackground) : 0;
    if (!plain) {
      mask |= SUBRECTS_COLOURED;
    } else if (!foregroundKnown || foreground != tileForeground) {
      mask |= FOREGROUND_SPECIFIED;
      layout.put(b, at, tile.pixel(tileForeground));
      at += layout.bytes;
    }
    int countAt = at;
    int end = tile.writeSubrects(b, countAt + 1, rawEnd, layout, !plain, tileBackground);
    if (end < 0) {
      return -1;
    }
    b[start] = (byte) mask;
    b[countAt] = (byte) tile.subrects();
    background = tileBackground;
    backgroundKnown = true;
    foreground = tileForeground;
    foregroundKnown = plain;
    return end;
  }

  /** "If the Raw bit is set then the other bits are irrelevant; width * height pixel values follow". */
  private int writeRaw(int start) {
    chunk.bytes[start] = RAW;
    backgroundKnown = false;
    foregroundKnown = false;
    return tile.writePixels(chunk.bytes, start + 1, layout);
  }

  @Override
  public void close() {
    band = new int[0];
  }
}
