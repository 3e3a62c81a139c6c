package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.engine.internal.net.AuthFailureThrottle.MAX_TRACKED;
import static org.plugvnc.engine.internal.net.AuthFailureThrottleTest.address;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.plugvnc.engine.internal.net.AuthFailureThrottle.Judgement;

/** The bounded table: what makes room for a new address, and what never does. */
class AuthFailureThrottleTableTest {

  private static final int NEWCOMERS = 1_000_000;

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final AuthFailureThrottle throttle = new AuthFailureThrottle(now::get);

  private void fail(InetAddress address, int times) {
    for (int i = 0; i < times; i++) {
      Judgement j = throttle.judge(address);
      assertNotNull(j, address + ": judgement " + (i + 1) + " of " + times);
      j.failed();
    }
  }

  private void blockAll(int from, int to) {
    for (int i = from; i < to; i++) {
      fail(address(i), 5);
    }
  }

  private int stillBlocked(int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += throttle.blocked(address(i)) ? 1 : 0;
    }
    return n;
  }

  @Test
  void idleEntriesMakeRoomOldestFirstAndBlocksStay() {
    blockAll(0, 100);
    for (int i = 100; i < MAX_TRACKED; i++) {
      fail(address(i), 1);
    }
    assertEquals(MAX_TRACKED, throttle.tracked());
    InetAddress newcomer = address(NEWCOMERS);
    fail(newcomer, 5);
    assertTrue(throttle.blocked(newcomer), "a new address is tracked");
    assertEquals(9_001, throttle.tracked(), "a tenth of the table was evicted at once");
    assertEquals(100, stillBlocked(0, 100), "blocks are never evicted");
    fail(address(100), 4);
    assertFalse(throttle.blocked(address(100)), "the oldest idle entry was evicted");
    fail(address(MAX_TRACKED - 1), 4);
    assertTrue(throttle.blocked(address(MAX_TRACKED - 1)), "the newest idle entry was kept");
  }

  @Test
  void aTableFullOfBlocksStillJudgesNewcomersAndKeepsEveryBlock() {
    blockAll(0, MAX_TRACKED);
    InetAddress newcomer = address(NEWCOMERS);
    fail(newcomer, 20);
    assertFalse(throttle.blocked(newcomer), "another address's blocks do not lock it out");
    assertTrue(throttle.judge(newcomer).succeeded());
    assertEquals(MAX_TRACKED, throttle.tracked());
    assertEquals(MAX_TRACKED, stillBlocked(0, MAX_TRACKED));
  }

  @Test
  void newcomersAreTrackedAgainOnceBlocksEnd() {
    blockAll(0, MAX_TRACKED);
    fail(address(NEWCOMERS), 5);
    now.addAndGet(10_001 * 1_000_000L);
    InetAddress later = address(NEWCOMERS + 1);
    fail(later, 5);
    assertTrue(throttle.blocked(later));
  }

  @Test
  void anEndingJudgementMakesRoomAgain() {
    blockAll(0, MAX_TRACKED - 1);
    Judgement slow = throttle.judge(address(MAX_TRACKED - 1));
    fail(address(NEWCOMERS), 5);
    assertFalse(throttle.blocked(address(NEWCOMERS)), "not tracked: the table is full");
    slow.failed();
    InetAddress later = address(NEWCOMERS + 1);
    fail(later, 5);
    assertTrue(throttle.blocked(later), "the idle entry left by the slow check made room");
    assertEquals(MAX_TRACKED - 1, stillBlocked(0, MAX_TRACKED - 1));
  }

  @Test
  void entriesThatHoldNothingAreRemoved() {
    for (int i = 0; i < 3 * MAX_TRACKED; i++) {
      throttle.judge(address(i)).abandoned();
      fail(address(i), 1);
      throttle.judge(address(i)).succeeded();
    }
    assertEquals(0, throttle.tracked());
  }
}
