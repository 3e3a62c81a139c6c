package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UpdateRateTest {

  private static final long S = 1_000_000_000L;

  @Test
  void theRateIsTheMeanOfTheLastWholeSeconds() {
    UpdateRate rate = new UpdateRate();
    long t0 = 1000 * S;
    for (int second = 0; second < UpdateRate.SECONDS; second++) {
      for (int i = 0; i < 10; i++) {
        rate.count(t0 + second * S + i * (S / 20));
      }
    }
    assertEquals(10.0, rate.perSecond(t0 + UpdateRate.SECONDS * S + S / 2), 1e-9);
    assertEquals(0.0, new UpdateRate().perSecond(t0));
  }

  @Test
  void theSecondUnderWayAndOldSecondsDoNotCount() {
    UpdateRate rate = new UpdateRate();
    long t0 = 77 * S;
    for (int i = 0; i < 50; i++) {
      rate.count(t0);
    }
    assertEquals(0.0, rate.perSecond(t0 + S / 2), "the current second is not over");
    assertEquals(10.0, rate.perSecond(t0 + S), 1e-9);
    assertEquals(0.0, rate.perSecond(t0 + (UpdateRate.SECONDS + 1) * S), "too old");
    rate.count(t0 + 6 * S); // reuses the first second's bucket
    assertEquals(0.2, rate.perSecond(t0 + 7 * S), 1e-9);
  }
}
