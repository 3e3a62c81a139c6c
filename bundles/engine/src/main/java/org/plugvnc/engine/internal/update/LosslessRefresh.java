package org.plugvnc.engine.internal.update;

import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * The areas a viewer holds as JPEG, and when to send them again losslessly: once they have stopped
 * changing for {@link #QUIET_NANOS} (TigerVNC waits 50 ms too), so a video plays lossy and the
 * picture it stops on ends exact. Each refresh is limited to what the link carries in
 * {@link #SHARE_NANOS} ({@link #budget}), so that a refresh never holds back the next change for
 * long. I/O thread only.
 */
public final class LosslessRefresh {

  /** How long a lossy area must stay unchanged before it is refreshed. */
  public static final long QUIET_NANOS = 50_000_000L;
  /** The link time one refresh may take. */
  static final long SHARE_NANOS = 100_000_000L;
  /** The least one refresh covers: a 128 x 128 area. */
  static final long MIN_PIXELS = 128 * 128;
  /** Before the link is measured, a refresh covers up to this many pixels. */
  static final long UNMEASURED_PIXELS = 1 << 20;
  /** Lossless bytes per pixel assumed for the budget (zlib halves most content at least). */
  static final double BYTES_PER_PIXEL = 2.0;

  private Region lossy = Region.EMPTY;
  private long changedAt;
  private double bytesPerSecond;

  /** The viewer holds no lossy pixels (a full refresh, a resize). */
  public void reset() {
    lossy = Region.EMPTY;
  }

  /** The area the viewer holds lossily. */
  public Region lossy() {
    return lossy;
  }

  /** Pixels in {@code region} changed at {@code now}: a lossy area there is not quiet yet. */
  public void damaged(Region region, long now) {
    if (!lossy.intersect(region).isEmpty()) {
      changedAt = now;
    }
  }

  /** The viewer's pixels at {@code source} moved to {@code target}, lossy ones included. */
  public void copied(Rect target, Point source) {
    int dx = target.x() - source.x();
    int dy = target.y() - source.y();
    Region moved = lossy.intersect(target.translate(-dx, -dy)).translate(dx, dy);
    lossy = lossy.subtract(target).union(moved);
  }

  /** An update went out at {@code now}: {@code pixels} were sent, {@code lossyPart} of them lossily. */
  public void sent(Region pixels, Region lossyPart, long now) {
    lossy = lossy.subtract(pixels).union(lossyPart).simplified(64);
    if (!lossyPart.isEmpty()) {
      changedAt = now;
    }
  }

  /** A measured link rate, in bytes per second (0: not known). */
  public void linkRate(double bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  /**
   * The lossy area to refresh now, inside {@code allowed} and outside {@code pending} (damage that
   * goes out anyway), within the budget; empty when there is none or it is not quiet yet.
   */
  public Region due(long now, Region allowed, Region pending) {
    if (lossy.isEmpty() || now - changedAt < QUIET_NANOS) {
      return Region.EMPTY;
    }
    Region candidates = lossy.intersect(allowed).subtract(pending);
    long budget = budget();
    Region chosen = Region.EMPTY;
    long area = 0;
    for (Rect r : candidates.rects()) {
      if (area + r.area() > budget) {
        int rows = (int) Math.max(1, (budget - area) / r.width());
        chosen = chosen.union(new Rect(r.x(), r.y(), r.width(), Math.min(rows, r.height())));
        break;
      }
      chosen = chosen.union(r);
      area += r.area();
    }
    return chosen;
  }

  /** Nanoseconds from {@code now} until a refresh is due, or -1 when nothing is lossy. */
  public long nanosUntilDue(long now) {
    return lossy.isEmpty() ? -1 : Math.max(0, changedAt + QUIET_NANOS - now);
  }

  /** Pixels one refresh may cover: what the link carries in {@link #SHARE_NANOS}. */
  long budget() {
    if (bytesPerSecond <= 0) {
      return UNMEASURED_PIXELS;
    }
    double pixels = bytesPerSecond * SHARE_NANOS / 1e9 / BYTES_PER_PIXEL;
    return (long) Math.max(MIN_PIXELS, Math.min(Long.MAX_VALUE / 2, pixels));
  }
}
