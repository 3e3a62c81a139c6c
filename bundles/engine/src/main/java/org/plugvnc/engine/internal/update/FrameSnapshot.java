package org.plugvnc.engine.internal.update;

import java.util.ArrayList;
import java.util.List;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.pixel.Rect;

/**
 * The pixels of one update's rectangles, copied from the desktop before any encoder runs. Two
 * reasons: a desktop that resizes under the update fails here, before an encoder has advanced a
 * zlib stream the viewer would then never see; and the pixels an update encodes are one consistent
 * picture. A small array is kept for the session's next updates; a large one (a full screen) is
 * dropped after its update, so an idle viewer does not hold a copy of the desktop. I/O thread only.
 */
public final class FrameSnapshot implements Framebuffer {

  /** Arrays up to this many pixels (1 MiB) are kept between updates. */
  static final int KEPT_PIXELS = 256 * 1024;

  private final List<Rect> rects = new ArrayList<>();
  private final List<Integer> offsets = new ArrayList<>();
  private int[] pixels = new int[0];
  private int width;
  private int height;

  /**
   * Copies the pixels of {@code region} from {@code source}.
   *
   * @throws IndexOutOfBoundsException if a rectangle is outside {@code source} (it was resized)
   */
  public FrameSnapshot capture(Framebuffer source, List<Rect> region) {
    rects.clear();
    offsets.clear();
    long total = 0;
    for (Rect r : region) {
      total += r.area();
    }
    if (pixels.length < total) {
      pixels = new int[(int) total];
    }
    width = source.width();
    height = source.height();
    int offset = 0;
    for (Rect r : region) {
      source.read(r, pixels, offset, r.width());
      rects.add(r);
      offsets.add(offset);
      offset += (int) r.area();
    }
    return this;
  }

  /** Forgets the captured pixels, keeping a small array for reuse. */
  public void release() {
    rects.clear();
    offsets.clear();
    if (pixels.length > KEPT_PIXELS) {
      pixels = new int[0];
    }
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  /** Reads inside one captured rectangle; anything else is an encoder reading outside its own. */
  @Override
  public void read(Rect area, int[] dst, int offset, int stride) {
    for (int i = 0; i < rects.size(); i++) {
      Rect r = rects.get(i);
      if (r.contains(area)) {
        int base = offsets.get(i);
        for (int y = 0; y < area.height(); y++) {
          int from = base + (area.y() - r.y() + y) * r.width() + (area.x() - r.x());
          System.arraycopy(pixels, from, dst, offset + y * stride, area.width());
        }
        return;
      }
    }
    throw new IndexOutOfBoundsException(area + " is not inside a rectangle of this update");
  }
}
