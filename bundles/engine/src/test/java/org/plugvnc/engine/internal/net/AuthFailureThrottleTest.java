package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthFailureThrottleTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final AuthFailureThrottle throttle = new AuthFailureThrottle(3, 10_000, now::get);
  private final InetAddress a = address(1);
  private final InetAddress b = address(2);

  private static InetAddress address(int last) {
    try {
      return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last});
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private void advanceMillis(long ms) {
    now.addAndGet(ms * 1_000_000);
  }

  @Test
  void blocksAfterTheThresholdAndOnlyThatAddress() {
    throttle.failed(a);
    throttle.failed(a);
    assertFalse(throttle.blocked(a));
    throttle.failed(a);
    assertTrue(throttle.blocked(a));
    assertFalse(throttle.blocked(b));
  }

  @Test
  void theBlockEndsAndEachLaterFailureDoublesIt() {
    for (int i = 0; i < 3; i++) {
      throttle.failed(a);
    }
    advanceMillis(9_999);
    assertTrue(throttle.blocked(a));
    advanceMillis(2);
    assertFalse(throttle.blocked(a), "the first block lasts 10 s");
    throttle.failed(a);
    advanceMillis(19_999);
    assertTrue(throttle.blocked(a), "one more failure blocks for twice as long");
    advanceMillis(2);
    assertFalse(throttle.blocked(a));
  }

  @Test
  void aSuccessForgetsTheAddress() {
    throttle.failed(a);
    throttle.failed(a);
    throttle.succeeded(a);
    throttle.failed(a);
    throttle.failed(a);
    assertFalse(throttle.blocked(a), "failures must be consecutive");
  }

  @Test
  void thresholdZeroNeverBlocks() {
    AuthFailureThrottle off = new AuthFailureThrottle(0, 10_000, now::get);
    for (int i = 0; i < 100; i++) {
      off.failed(a);
    }
    assertFalse(off.blocked(a));
  }

  @Test
  void aFloodOfAddressesStaysBounded() throws Exception {
    for (int i = 0; i < AuthFailureThrottle.MAX_TRACKED + 500; i++) {
      throttle.failed(InetAddress.getByAddress(new byte[] {10, 1, (byte) (i >> 8), (byte) i}));
    }
    throttle.failed(a);
    throttle.failed(a);
    throttle.failed(a);
    assertTrue(throttle.blocked(a), "still works after evicting");
  }
}
