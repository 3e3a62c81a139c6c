package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The link rate: an update's bytes over the time until the viewer asks again, smoothed. */
class LinkRateTest {

  private static final long T0 = 7_000_000_000L;
  private static final long SECOND = 1_000_000_000L;

  private final LinkRate rate = new LinkRate();

  @Test
  void unknownUntilAnUpdateLargeEnoughWasAnswered() {
    assertEquals(0, rate.bytesPerSecond());
    rate.requested(T0);
    assertEquals(0, rate.bytesPerSecond(), "a request with nothing sent before");
    rate.sent(16 * 1024 - 1, T0);
    rate.requested(T0 + SECOND);
    assertEquals(0, rate.bytesPerSecond(), "small updates measure latency, not rate");
  }

  @Test
  void samplesAreSmoothed() {
    rate.sent(1_000_000, T0);
    rate.requested(T0 + SECOND);
    assertEquals(1_000_000, rate.bytesPerSecond(), 1e-6, "the first sample as it is");
    rate.sent(3_000_000, T0 + 2 * SECOND);
    rate.requested(T0 + 3 * SECOND);
    assertEquals(1_500_000, rate.bytesPerSecond(), 1e-6, "a quarter of the way to the next");
    rate.requested(T0 + 10 * SECOND);
    assertEquals(1_500_000, rate.bytesPerSecond(), 1e-6, "one sample per update");
  }
}
