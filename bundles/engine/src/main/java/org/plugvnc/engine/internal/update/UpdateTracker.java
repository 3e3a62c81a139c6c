package org.plugvnc.engine.internal.update;

import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

/**
 * What one viewer has not yet been sent: damaged pixels, and at most one pending copy (a region
 * whose pixels the viewer can copy from elsewhere in its own framebuffer, all by one offset).
 * Accessed on the session's I/O thread only.
 *
 * <p>Invariant: the copy region and the damage never overlap, and the copy's source never
 * includes pixels the viewer has stale, so sending the copy first and then the damage always
 * yields the desktop's picture.
 */
public final class UpdateTracker {

  /** Damage is merged into at most this many rectangles: more cost more headers than pixels. */
  private static final int MAX_DAMAGE_RECTS = 64;

  private Region damage = Region.EMPTY;
  private Region copy = Region.EMPTY;
  private int copyDx;
  private int copyDy;

  /** Adds damaged pixels. */
  public void damage(Region region) {
    if (region.rects().size() > 4 * MAX_DAMAGE_RECTS) {
      // Merging is quadratic in rectangles: a backend reporting thousands is sent their bounds.
      region = Region.of(region.bounds());
    }
    copy = copy.subtract(region);
    damage = damage.union(region).simplified(MAX_DAMAGE_RECTS);
    if (copy.rects().size() > MAX_DAMAGE_RECTS) {
      copyAsDamage();
    }
  }

  /** Records that {@code target} now holds the pixels that were at {@code source}. */
  public void copy(Rect target, Point source) {
    int dx = target.x() - source.x();
    int dy = target.y() - source.y();
    Region src = Region.of(target).translate(-dx, -dy);
    // Stale pixels in the source move with the copy: they stay damage, at their new place.
    Region movedDamage = damage.intersect(src).translate(dx, dy);
    if (!copy.isEmpty() && (dx != copyDx || dy != copyDy || copy.intersect(src).area() > 0)) {
      // A second copy with another offset, or one reading a pending copy: keep it simple and
      // send the older copy as pixels.
      damage = damage.union(copy);
      copy = Region.EMPTY;
      movedDamage = damage.intersect(src).translate(dx, dy);
    }
    Region fresh = Region.of(target).subtract(movedDamage);
    damage = damage.subtract(target).union(movedDamage).simplified(MAX_DAMAGE_RECTS);
    copy = copy.subtract(target).union(fresh);
    copyDx = dx;
    copyDy = dy;
    if (copy.rects().size() > MAX_DAMAGE_RECTS) {
      copyAsDamage();
    }
  }

  /** Marks everything damaged again (a resize, a new pixel format): no copy survives. */
  public void reset(Rect bounds) {
    copy = Region.EMPTY;
    damage = Region.of(bounds);
  }

  /** Pending damage. */
  public Region damage() {
    return damage;
  }

  /** Pending copy region (its source is offset by -{@link #copyDx()}, -{@link #copyDy()}). */
  public Region copy() {
    return copy;
  }

  /** Horizontal offset from a copy's source to its target. */
  public int copyDx() {
    return copyDx;
  }

  /** Vertical offset from a copy's source to its target. */
  public int copyDy() {
    return copyDy;
  }

  /** Forgets pending pixels that are being sent now. */
  public void sent(Region pixels, Region copied) {
    damage = damage.subtract(pixels);
    copy = copy.subtract(copied);
  }

  /** Turns the pending copy into damage (the viewer cannot take a copy now). */
  public void copyAsDamage() {
    damage = damage.union(copy).simplified(MAX_DAMAGE_RECTS);
    copy = Region.EMPTY;
  }

  /** Drops everything outside {@code bounds} (after a resize). */
  public void clip(Rect bounds) {
    damage = damage.intersect(bounds);
    copy = copy.intersect(bounds);
  }
}
