package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plugvnc.engine.internal.net.AuthFailureThrottle.Judgement;

class AuthFailureThrottleTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final AuthFailureThrottle throttle = new AuthFailureThrottle(now::get);
  private final InetAddress a = address(1);
  private final InetAddress b = address(2);
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  static InetAddress address(int n) {
    try {
      return InetAddress.getByAddress(new byte[] {10, (byte) (n >> 16), (byte) (n >> 8), (byte) n});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private void advanceMillis(long ms) {
    now.addAndGet(ms * 1_000_000);
  }

  private void fail(InetAddress address, int times) {
    for (int i = 0; i < times; i++) {
      Judgement j = throttle.judge(address);
      assertNotNull(j, "judgement " + (i + 1) + " of " + times);
      j.failed();
    }
  }

  /** Runs {@code task} {@code count} times on the pool's 8 threads, all released at once. */
  private <T> List<T> inParallel(int count, Callable<T> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return task.call();
      }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(30, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void aThousandParallelHandshakesGetOnlyFiveAnswersJudged() throws Exception {
    List<Boolean> judged = inParallel(1000, () -> {
      Judgement j = throttle.judge(a);
      if (j == null) {
        return false;
      }
      j.failed();
      return true;
    });
    assertEquals(5, judged.stream().filter(x -> x).count());
    assertTrue(throttle.blocked(a));
    assertNull(throttle.judge(a), "the right answer, arriving now, is refused without judging");
    assertFalse(throttle.blocked(b));
  }

  @Test
  void judgementsInProgressCountAgainstTheThreshold() throws Exception {
    List<Judgement> held = inParallel(1000, () -> throttle.judge(a)); // slow checks: none ends yet
    List<Judgement> granted = held.stream().filter(j -> j != null).toList();
    assertEquals(5, granted.size());
    assertFalse(throttle.blocked(a), "nothing failed yet");
    granted.forEach(Judgement::failed);
    assertTrue(throttle.blocked(a));
    assertNull(throttle.judge(a));
  }

  @Test
  void aSuccessDuringABlockDoesNotLiftIt() {
    List<Judgement> granted = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      granted.add(throttle.judge(a));
    }
    throttle.configure(2, 10_000);
    granted.get(0).failed();
    granted.get(1).failed();
    assertTrue(throttle.blocked(a));
    assertTrue(granted.get(2).blockedNow());
    assertFalse(granted.get(2).succeeded(), "the caller must refuse this success");
    assertTrue(throttle.blocked(a));
    assertFalse(throttle.succeeded(a));
    assertTrue(throttle.blocked(a));
    advanceMillis(10_001);
    assertFalse(throttle.blocked(a), "the block ends on time");
  }

  @Test
  void abandonedJudgementsFreeTheirSlotAndCountNothing() {
    throttle.configure(3, 10_000);
    Judgement first = throttle.judge(a);
    throttle.judge(a).abandoned();
    Judgement second = throttle.judge(a);
    Judgement third = throttle.judge(a);
    assertNull(throttle.judge(a), "three in progress");
    first.abandoned();
    second.abandoned();
    third.abandoned();
    assertEquals(0, throttle.tracked(), "nothing was counted, so nothing is kept");
    fail(a, 2);
    assertFalse(throttle.blocked(a));
  }

  @Test
  void aSuccessForgetsTheFailuresWhenNotBlocked() {
    fail(a, 4);
    assertTrue(throttle.judge(a).succeeded());
    assertEquals(0, throttle.tracked());
    fail(a, 4);
    assertFalse(throttle.blocked(a), "failures must be consecutive");
    fail(a, 1);
    assertTrue(throttle.blocked(a));
  }

  @Test
  void onlyTheFirstVerdictCounts() {
    throttle.configure(2, 10_000);
    Judgement j = throttle.judge(a);
    j.failed();
    j.failed();
    j.abandoned();
    assertFalse(j.succeeded());
    assertFalse(throttle.blocked(a), "one failure, not two");
    Judgement k = throttle.judge(a);
    k.abandoned();
    k.failed();
    assertFalse(throttle.blocked(a));
  }

  @Test
  void theBlockEndsAndEachLaterFailureDoublesIt() {
    fail(a, 5);
    advanceMillis(9_999);
    assertTrue(throttle.blocked(a));
    advanceMillis(2);
    assertFalse(throttle.blocked(a), "the first block lasts 10 s");
    Judgement next = throttle.judge(a);
    assertNotNull(next);
    assertNull(throttle.judge(a), "after a block, one answer at a time");
    next.failed();
    advanceMillis(19_999);
    assertTrue(throttle.blocked(a), "one more failure blocks for twice as long");
    advanceMillis(2);
    assertFalse(throttle.blocked(a));
  }

  @Test
  void configureKeepsFailuresAndRunningBlocks() {
    fail(a, 5);
    fail(b, 2);
    advanceMillis(5_000);
    throttle.configure(3, 60_000);
    assertTrue(throttle.blocked(a), "the block survives");
    advanceMillis(4_999);
    assertTrue(throttle.blocked(a));
    advanceMillis(2);
    assertFalse(throttle.blocked(a), "and keeps its end time");
    fail(b, 1);
    assertTrue(throttle.blocked(b), "two kept failures and one more reach the new threshold");
    advanceMillis(59_999);
    assertTrue(throttle.blocked(b), "the new block time applies");
  }

  @Test
  void loweringTheThresholdBlocksAddressesAlreadyOverIt() {
    fail(a, 4);
    throttle.configure(3, 10_000);
    assertTrue(throttle.blocked(a));
    assertNull(throttle.judge(a));
    advanceMillis(10_001);
    assertNotNull(throttle.judge(a), "it is a block, not a refusal for ever");
  }

  @Test
  void thresholdZeroIsOffAndKeepsBlocksForLater() {
    fail(a, 5);
    throttle.configure(0, 10_000);
    assertFalse(throttle.blocked(a));
    for (int i = 0; i < 100; i++) {
      Judgement j = throttle.judge(a);
      assertNotNull(j);
      j.failed();
    }
    assertTrue(throttle.judge(a).succeeded());
    throttle.configure(5, 10_000);
    assertTrue(throttle.blocked(a), "the block was kept");
  }

  @Test
  void failuresAreCountedExactlyUnderConcurrency() throws Exception {
    throttle.configure(1000, 10_000);
    inParallel(800, () -> {
      Judgement j = throttle.judge(a);
      j.failed();
      throttle.judge(b).abandoned();
      Judgement k = throttle.judge(b);
      k.succeeded();
      k.failed();
      return null;
    });
    assertEquals(1, throttle.tracked(), "b holds nothing");
    fail(a, 199);
    assertFalse(throttle.blocked(a), "999 failures");
    fail(a, 1);
    assertTrue(throttle.blocked(a));
  }

  @Test
  void judgementsInProgressAreCountedExactlyUnderConcurrency() throws Exception {
    throttle.configure(3, 10_000);
    AtomicInteger held = new AtomicInteger();
    AtomicInteger worst = new AtomicInteger();
    AtomicInteger granted = new AtomicInteger();
    inParallel(8, () -> {
      for (int i = 0; i < 50_000; i++) {
        Judgement j = throttle.judge(a);
        if (j != null) {
          // Counted after the grant and uncounted before the end: never above the truth.
          worst.accumulateAndGet(held.incrementAndGet(), Math::max);
          granted.incrementAndGet();
          held.decrementAndGet();
          j.abandoned();
        }
      }
      return null;
    });
    assertTrue(worst.get() <= 3, "at most 3 judged at once, saw " + worst);
    assertTrue(granted.get() > 3);
    assertEquals(0, throttle.tracked());
    for (int i = 0; i < 3; i++) {
      assertNotNull(throttle.judge(a), "slot " + i);
    }
    assertNull(throttle.judge(a));
  }

  @Test
  void negativeSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> throttle.configure(-1, 10_000));
    assertThrows(IllegalArgumentException.class, () -> throttle.configure(5, -1));
  }
}
