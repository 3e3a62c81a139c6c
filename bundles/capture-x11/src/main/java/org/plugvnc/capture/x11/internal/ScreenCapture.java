package org.plugvnc.capture.x11.internal;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import java.util.function.Consumer;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * Brings the framebuffer up to date with the X screen: the areas XDamage reports, or, without
 * DAMAGE, the 64x64 tiles of a full-screen read that differ from the last one. Pixels are written
 * and reported (to {@code report}) under the framebuffer's lock. X thread only.
 */
final class ScreenCapture implements AutoCloseable {

  static final int TILE = 64;
  /** Damage of more rectangles is merged; past this share of the screen, one read of its bounds. */
  private static final int MAX_RECTS = 16;
  private static final double WHOLE_BOUNDS_SHARE = 0.5;

  private final X11Connection x;
  private final X11Framebuffer framebuffer;
  private final ScreenGrabber grabber;
  private final XImageFields probe;
  private final boolean colourMapped;
  private PixelConverter layout;
  private int[] palette;
  private final NativeLong damage;
  private final NativeLong parts;
  private int[] scratch = new int[0];

  /**
   * Prepares to capture the screen as {@code x} now describes it.
   *
   * @param shm whether to try MIT-SHM
   * @param useDamage whether to use XDamage (when the server has it)
   * @throws IllegalStateException when the server cannot send images of its screen
   */
  ScreenCapture(X11Connection x, X11Framebuffer framebuffer, boolean shm, boolean useDamage) {
    this.x = x;
    this.framebuffer = framebuffer;
    this.probe = GetImageGrabber.probe(x.libs, x.display, x.rootId);
    if (probe == null) {
      throw new IllegalStateException("the X server sends no image of its root window");
    }
    this.colourMapped = x.visual().colourMapped() && probe.bitsPerPixel == 8;
    this.palette = colourMapped ? palette() : null;
    this.layout = converter();
    ScreenGrabber g = shm ? ShmGrabber.open(x.libs, x.display, x.rootId,
        x.attributes().visual, x.depth(), x.width(), x.height()) : null;
    this.grabber = g != null ? g : new GetImageGrabber(x.libs, x.display, x.rootId);
    this.damage = useDamage ? x.createDamage() : null;
    this.parts = damage == null ? null : x.libs.fixes.XFixesCreateRegion(x.display, null, 0);
  }

  /** {@code MIT-SHM} or {@code XGetImage}. */
  String method() {
    return grabber.method();
  }

  /** Whether XDamage tells what changed (else tiles are compared). */
  boolean usesDamage() {
    return damage != null;
  }

  /** Reads the whole screen and reports it all. False when the server did not send it. */
  boolean captureAll(Consumer<Region> report) {
    return capture(new Rect(0, 0, x.width(), x.height()), report);
  }

  /**
   * Captures what changed since the last call: with XDamage when {@code damaged} (an event came),
   * else nothing; without XDamage by comparing tiles. False when the server failed to answer.
   */
  boolean captureChanges(boolean damaged, Consumer<Region> report) {
    if (colourMapped) {
      // Clients change colour map cells without damaging pixels: read the map every round (8-bit
      // displays only), and a new map repaints everything.
      int[] now = palette();
      if (!java.util.Arrays.equals(now, palette)) {
        palette = now;
        layout = converter();
        if (damage != null) {
          x.libs.damage.XDamageSubtract(x.display, damage, new NativeLong(0), new NativeLong(0));
        }
        return captureAll(report);
      }
    }
    if (damage == null) {
      return compareTiles(report);
    }
    if (!damaged) {
      return true;
    }
    x.libs.damage.XDamageSubtract(x.display, damage, new NativeLong(0), parts);
    Region changed = fetchParts();
    Rect screen = new Rect(0, 0, x.width(), x.height());
    changed = changed.intersect(screen);
    if (changed.area() > WHOLE_BOUNDS_SHARE * screen.area()) {
      changed = Region.of(changed.bounds());
    }
    for (Rect r : changed.simplified(MAX_RECTS).rects()) {
      if (!capture(r, report)) {
        return false;
      }
    }
    return true;
  }

  /** Damage rectangles merged one by one at most; past this, their bounds are read. */
  static final int MAX_PARTS = 256;

  private Region fetchParts() {
    IntByReference count = new IntByReference();
    Pointer rects = x.libs.fixes.XFixesFetchRegion(x.display, parts, count);
    if (rects == null) {
      return Region.EMPTY;
    }
    try {
      Region r = Region.EMPTY;
      int n = Math.max(0, count.getValue());
      if (n > MAX_PARTS) {
        // Merging is quadratic in rectangles: an X client drawing thousands of dots is read as
        // their bounds, in one pass.
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
          long at = i * 8L;
          int x0 = rects.getShort(at);
          int y0 = rects.getShort(at + 2);
          left = Math.min(left, x0);
          top = Math.min(top, y0);
          right = Math.max(right, x0 + (rects.getShort(at + 4) & 0xFFFF));
          bottom = Math.max(bottom, y0 + (rects.getShort(at + 6) & 0xFFFF));
        }
        return Region.of(Rect.ofCorners(left, top, right, bottom));
      }
      for (int i = 0; i < n; i++) {
        long at = i * 8L;
        r = r.union(new Rect(rects.getShort(at), rects.getShort(at + 2),
            rects.getShort(at + 4) & 0xFFFF, rects.getShort(at + 6) & 0xFFFF));
      }
      return r;
    } finally {
      x.libs.x11.XFree(rects);
    }
  }

  private boolean capture(Rect area, Consumer<Region> report) {
    if (area.isEmpty()) {
      return true;
    }
    ScreenGrabber.Image image = grabber.grab(area);
    if (image == null || image.width() < area.width() || image.height() < area.height()) {
      return false;
    }
    synchronized (framebuffer.lock()) {
      X11Framebuffer.Pixels p = framebuffer.pixels();
      if (area.right() > p.width() || area.bottom() > p.height()) {
        return true; // resized meanwhile: the resize captures everything
      }
      for (int row = 0; row < area.height(); row++) {
        layout.convertRow(image.data(), (long) row * image.bytesPerLine(), area.width(), p.data(),
            (area.y() + row) * p.width() + area.x());
      }
      report.accept(Region.of(area));
    }
    return true;
  }

  private boolean compareTiles(Consumer<Region> report) {
    int w = x.width();
    int h = x.height();
    ScreenGrabber.Image image = grabber.grab(new Rect(0, 0, w, h));
    if (image == null) {
      return false;
    }
    if (scratch.length < w) {
      scratch = new int[w];
    }
    synchronized (framebuffer.lock()) {
      X11Framebuffer.Pixels p = framebuffer.pixels();
      if (p.width() != w || p.height() != h) {
        return true;
      }
      Region changed = Region.EMPTY;
      for (int top = 0; top < h; top += TILE) {
        int bandRows = Math.min(TILE, h - top);
        boolean[] dirty = new boolean[(w + TILE - 1) / TILE];
        for (int y = top; y < top + bandRows; y++) {
          layout.convertRow(image.data(), (long) y * image.bytesPerLine(), w, scratch, 0);
          int rowStart = y * w;
          for (int t = 0; t < dirty.length; t++) {
            int from = t * TILE;
            int to = Math.min(w, from + TILE);
            if (java.util.Arrays.mismatch(scratch, from, to, p.data(), rowStart + from,
                rowStart + to) >= 0) {
              dirty[t] = true;
              System.arraycopy(scratch, from, p.data(), rowStart + from, to - from);
            }
          }
        }
        for (int t = 0; t < dirty.length; t++) {
          if (dirty[t]) {
            changed = changed.union(new Rect(t * TILE, top, Math.min(TILE, w - t * TILE), bandRows));
          }
        }
      }
      if (!changed.isEmpty()) {
        report.accept(changed);
      }
    }
    return true;
  }

  private PixelConverter converter() {
    return new PixelConverter(probe.bitsPerPixel, probe.byteOrder, probe.redMask.longValue(),
        probe.greenMask.longValue(), probe.blueMask.longValue(), palette);
  }

  /** The colour map's colours, for 8-bit colour-mapped visuals. */
  private int[] palette() {
    int n = Math.max(1, Math.min(256, x.visual().mapEntries));
    XColor[] colours = (XColor[]) new XColor().toArray(n);
    for (int i = 0; i < n; i++) {
      colours[i].pixel = new NativeLong(i);
    }
    Structure.autoWrite(colours);
    x.libs.xlib.XQueryColors(x.display, x.attributes().colormap, colours, n);
    Structure.autoRead(colours);
    int[] rgb = new int[256];
    for (int i = 0; i < n; i++) {
      rgb[i] = ((colours[i].red >> 8) & 0xFF) << 16 | ((colours[i].green >> 8) & 0xFF) << 8
          | ((colours[i].blue >> 8) & 0xFF);
    }
    return rgb;
  }

  @Override
  public void close() {
    grabber.close();
    if (!x.broken()) {
      if (damage != null) {
        x.libs.damage.XDamageDestroy(x.display, damage);
      }
      if (parts != null) {
        x.libs.fixes.XFixesDestroyRegion(x.display, parts);
      }
    }
  }
}
