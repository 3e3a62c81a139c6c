package org.plugvnc.engine.internal.update;

import java.util.ArrayList;
import java.util.List;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.pixel.Rect;

/**
 * The pixels of one update's rectangles, copied from the desktop before any encoder runs. Two
 * reasons: a desktop that resizes under the update fails here, before an encoder has advanced a
 * zlib stream the viewer would then never see; and the pixels an update encodes are one consistent
 * picture. Encoders then read the copy in place (each rectangle is stored row by row with its own
 * width as stride). A small array is kept for the session's next updates; a large one (a full
 * screen) is dropped after its update, so an idle viewer does not hold a copy of the desktop. I/O
 * thread only.
 */
public final class FrameSnapshot {

  /** Arrays up to this many pixels (1 MiB) are kept between updates. */
  static final int KEPT_PIXELS = 256 * 1024;

  private final List<Rect> rects = new ArrayList<>();
  private int[] offsets = new int[8];
  private int[] pixels = new int[0];

  /**
   * Copies the pixels of {@code region} from {@code source}.
   *
   * @throws IndexOutOfBoundsException if a rectangle is outside {@code source} (it was resized)
   */
  public FrameSnapshot capture(Framebuffer source, List<Rect> region) {
    rects.clear();
    long total = 0;
    for (Rect r : region) {
      total += r.area();
    }
    if (pixels.length < total) {
      pixels = new int[(int) total];
    }
    if (offsets.length < region.size()) {
      offsets = new int[region.size()];
    }
    int offset = 0;
    for (Rect r : region) {
      source.read(r, pixels, offset, r.width());
      offsets[rects.size()] = offset;
      rects.add(r);
      offset += (int) r.area();
    }
    return this;
  }

  /**
   * Draws {@code cursor} with its top-left corner at ({@code left}, {@code top}) into the captured
   * pixels, blending by its alpha: the picture of a viewer that cannot show cursors itself.
   */
  public void drawCursor(CursorShape cursor, int left, int top) {
    Rect area = new Rect(left, top, cursor.width(), cursor.height());
    int[] argb = cursor.argb();
    for (int i = 0; i < rects.size(); i++) {
      Rect r = rects.get(i);
      Rect both = r.intersect(area);
      if (both.isEmpty()) {
        continue;
      }
      for (int y = both.y(); y < both.bottom(); y++) {
        int dst = offsets[i] + (y - r.y()) * r.width() - r.x();
        int src = (y - top) * cursor.width() - left;
        for (int x = both.x(); x < both.right(); x++) {
          pixels[dst + x] = blend(argb[src + x], pixels[dst + x]);
        }
      }
    }
  }

  /** {@code over} (0xAARRGGBB, not premultiplied) over {@code under} (0x00RRGGBB). */
  static int blend(int over, int under) {
    int a = over >>> 24;
    if (a == 0xFF) {
      return over & 0xFFFFFF;
    }
    if (a == 0) {
      return under;
    }
    int r = mix(over >> 16 & 0xFF, under >> 16 & 0xFF, a);
    int g = mix(over >> 8 & 0xFF, under >> 8 & 0xFF, a);
    int b = mix(over & 0xFF, under & 0xFF, a);
    return r << 16 | g << 8 | b;
  }

  private static int mix(int top, int bottom, int alpha) {
    return (top * alpha + bottom * (255 - alpha) + 127) / 255;
  }

  /** Turns every captured colour into the one a low-colour viewer sees. */
  void apply(ViewerColours colours) {
    int total = 0;
    for (Rect r : rects) {
      total += (int) r.area();
    }
    if (total > 0) {
      colours.apply(pixels, 0, total);
    }
  }

  /** Forgets the captured pixels, keeping a small array for reuse. */
  public void release() {
    rects.clear();
    if (pixels.length > KEPT_PIXELS) {
      pixels = new int[0];
    }
  }

  /** The captured rectangles, in the order given. */
  public List<Rect> rects() {
    return rects;
  }

  /** The array holding every captured pixel; rectangle {@code i} starts at {@link #offset}. */
  public int[] pixels() {
    return pixels;
  }

  /** Where captured rectangle {@code i} starts in {@link #pixels()}; its stride is its width. */
  public int offset(int i) {
    return offsets[i];
  }
}
