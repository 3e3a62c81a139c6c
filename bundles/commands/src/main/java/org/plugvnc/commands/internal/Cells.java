package org.plugvnc.commands.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How values read in a table cell of the {@code vnc:*} commands: sizes in binary units, durations
 * in their two largest units, so that a column stays narrow and an operator reads it at a glance.
 */
final class Cells {

  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private Cells() {
  }

  /** {@code 512 B}, {@code 1.5 KiB}, {@code 23.4 MiB}: one decimal from 1 KiB on. */
  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    String text = String.format(Locale.ROOT, "%.1f", value);
    if (text.equals("1024.0") && unit < UNITS.length - 1) {
      // 1048575 B is 1023.999 KiB, which one decimal rounds up to the next unit.
      return "1.0 " + UNITS[unit + 1];
    }
    return text + " " + UNITS[unit];
  }

  /** {@code 45s}, {@code 3m 07s}, {@code 2h 05m}, {@code 3d 04h}; a negative span reads 0s. */
  static String duration(Duration span) {
    long s = Math.max(0, span.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    if (s < 86400) {
      return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
    }
    return String.format(Locale.ROOT, "%dd %02dh", s / 86400, s % 86400 / 3600);
  }

  /** A rate with one decimal, {@code 12.5}. */
  static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.1f", perSecond);
  }

  /** When {@code instant} was in {@code zone}, to the second. */
  static String time(Instant instant, ZoneId zone) {
    return LOCAL_TIME.format(instant.atZone(zone));
  }

  /** {@code yes} or {@code no}. */
  static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  /** The values joined by {@code ", "}; empty for none. */
  static String list(Collection<?> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  /** Counts per name, in the map's order: {@code ZRLE 120, CopyRect 3}. */
  static String counts(Map<String, Long> counts) {
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** {@code text}, or {@code (none)} when it is empty. */
  static String orNone(String text) {
    return text == null || text.isEmpty() ? "(none)" : text;
  }
}
