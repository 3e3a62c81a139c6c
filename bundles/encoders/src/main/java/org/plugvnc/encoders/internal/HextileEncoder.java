package org.plugvnc.encoders.internal;

import org.plugvnc.api.encoding.ContentClass;
import org.plugvnc.api.encoding.EncodeRequest;
import org.plugvnc.api.encoding.Encoder;
import org.plugvnc.api.encoding.PixelWriter;
import org.plugvnc.api.encoding.RectContent;
import org.plugvnc.api.encoding.RfbOutput;
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

  // Per rectangle: what the viewer holds as background and foreground.
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
    boolean solid = content != null && content.kind() == ContentClass.SOLID;
    int solidValue = solid ? writer.pixelValue(content.palette()[0]) : 0;
    for (int ty = 0; ty < rect.height(); ty += SIDE) {
      int height = Math.min(SIDE, rect.height() - ty);
      int rowStart = request.rowStart(rect.y() + ty);
      for (int tx = 0; tx < rect.width(); tx += SIDE) {
        int width = Math.min(SIDE, rect.width() - tx);
        int start = chunk.reserve(out, MAX_TILE_BYTES);
        if (solid) {
          chunk.length = writeSolid(start, solidValue);
        } else {
          tile.load(request.pixels(), rowStart + tx, request.stride(), width, height, writer,
              layout);
          chunk.length = writeTile(start);
        }
      }
    }
    chunk.flush(out);
  }

  /** Writes the loaded tile in its smallest form at {@code start}; returns where it ends. */
  private int writeTile(int start) {
    if (tile.distinct() == 1) {
      return writeSolid(start, tile.first());
    }
    int rawEnd = start + 1 + tile.width() * tile.height() * layout.bytes;
    int end = tile.busy() ? -1 : writeSubrects(start, rawEnd);
    return end >= 0 ? end : writeRaw(start);
  }

  /** "If not set, there are no subrectangles (i.e. the whole tile is just solid background)". */
  private int writeSolid(int start, int value) {
    byte[] b = chunk.bytes;
    if (backgroundKnown && background == value) {
      b[start] = 0;
      return start + 1;
    }
    b[start] = BACKGROUND_SPECIFIED;
    layout.put(b, start + 1, value);
    background = value;
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
      layout.put(b, at, tileBackground);
      at += layout.bytes;
    }
    int tileForeground = plain ? tile.other(tileBackground) : 0;
    if (!plain) {
      mask |= SUBRECTS_COLOURED;
    } else if (!foregroundKnown || foreground != tileForeground) {
      mask |= FOREGROUND_SPECIFIED;
      layout.put(b, at, tileForeground);
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
}
