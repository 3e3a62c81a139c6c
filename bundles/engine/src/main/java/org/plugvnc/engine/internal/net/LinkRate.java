package org.plugvnc.engine.internal.net;

/**
 * A rough measure of how fast a viewer takes updates: the bytes of an update over the time until
 * the viewer asks for the next one (it asks once it has read and decoded the update, so this
 * counts the link and the viewer alike). Smoothed over a few updates. I/O thread only.
 */
final class LinkRate {

  /** Updates smaller than this say more about latency than about the link's rate. */
  private static final int MIN_SAMPLE_BYTES = 16 * 1024;
  private static final double WEIGHT = 0.25;

  private long sentBytes;
  private long sentAt;
  private double rate;

  /** An update of {@code bytes} went out at {@code now}. */
  void sent(long bytes, long now) {
    sentBytes = bytes;
    sentAt = now;
  }

  /** The viewer asked for an update at {@code now}. */
  void requested(long now) {
    if (sentAt == 0 || sentBytes < MIN_SAMPLE_BYTES) {
      sentAt = 0;
      return;
    }
    double sample = sentBytes * 1e9 / Math.max(1, now - sentAt);
    rate = rate == 0 ? sample : rate + WEIGHT * (sample - rate);
    sentAt = 0;
  }

  /** Bytes per second, or 0 before the first measure. */
  double bytesPerSecond() {
    return rate;
  }
}
