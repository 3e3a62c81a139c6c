package org.plugvnc.encoders.internal;

/**
 * Finds the most common pixel value of a rectangle, for RRE's background ("typically the most
 * prevalent pixel value in the rectangle", RFC 6143 7.7.3), in an open-addressing table reused
 * across rectangles.
 *
 * <p>Callers add runs of equal values, so flat content costs one probe per run. The table tracks at
 * most {@link #MAX_TRACKED} distinct values: past that, new values are not counted. The answer is
 * then the most common of the first values met, which matters only for rectangles so busy that no
 * background saves much; any background gives a correct encoding.
 */
final class ValueCounter {

  /** Distinct values counted exactly. */
  static final int MAX_TRACKED = 4096;

  private static final int SLOTS = 2 * MAX_TRACKED;
  private static final int MASK = SLOTS - 1;
  /** Keeps the top bits of the multiplicative hash, the well-mixed ones. */
  private static final int SHIFT = Integer.numberOfLeadingZeros(MASK);

  private final int[] keys = new int[SLOTS];
  private final int[] counts = new int[SLOTS];
  private final int[] used = new int[MAX_TRACKED];
  private int tracked;
  private int best;
  private int bestCount;

  /** Forgets every count. */
  void clear() {
    for (int i = 0; i < tracked; i++) {
      counts[used[i]] = 0;
    }
    tracked = 0;
    bestCount = 0;
  }

  /** Counts {@code count} (at least 1) more pixels of {@code value}. */
  void add(int value, int count) {
    int slot = (value * 0x9E3779B1) >>> SHIFT;
    while (counts[slot] != 0 && keys[slot] != value) {
      slot = (slot + 1) & MASK;
    }
    if (counts[slot] == 0) {
      if (tracked == MAX_TRACKED) {
        return;
      }
      keys[slot] = value;
      used[tracked++] = slot;
    }
    int total = counts[slot] += count;
    if (total > bestCount) {
      bestCount = total;
      best = value;
    }
  }

  /** The most common value counted since {@link #clear()}; undefined if none was added. */
  int mostCommon() {
    return best;
  }
}
