package org.plugvnc.benchmarks.latency;

import java.util.Arrays;
import java.util.Locale;

/** A growing list of measurements with the order statistics the table shows. */
final class Samples {

  private long[] values = new long[64];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  /** @return the nearest-rank percentile {@code p} (0 < p <= 100) */
  long percentile(double p) {
    if (size == 0) {
      throw new IllegalStateException("no samples");
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, rank - 1)];
  }

  long median() {
    return percentile(50);
  }

  long max() {
    return percentile(100);
  }

  /** @return median / p90 / max of nanosecond samples, in milliseconds */
  String millis() {
    return String.format(Locale.ROOT, "%.1f / %.1f / %.1f",
        median() / 1e6, percentile(90) / 1e6, max() / 1e6);
  }

  /** @return median (max) of whole-number samples */
  String counts() {
    return String.format(Locale.ROOT, "%,d (%,d)", median(), max());
  }
}
