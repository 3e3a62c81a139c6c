package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.engine.internal.net.AuthFailureThrottleTest.address;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.plugvnc.engine.internal.net.PreAuthLimits.Ticket;

class PreAuthLimitsTest {

  private final PreAuthLimits limits = new PreAuthLimits();
  private final InetAddress a = address(1);
  private final InetAddress b = address(2);

  private List<Ticket> open(InetAddress address, int n) {
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Ticket t = limits.open(address);
      assertTrue(t.admitted(), address + ": ticket " + (i + 1) + " of " + n);
      tickets.add(t);
    }
    return tickets;
  }

  @Test
  void theDefaultsAreAHundredPerAddressAndAThousandInAll() {
    open(a, 100);
    assertEquals(PreAuthLimits.PER_ADDRESS_REFUSAL, limits.open(a).refusal());
    for (int i = 10; i < 19; i++) {
      open(address(i), 100);
    }
    Ticket refused = limits.open(address(99));
    assertFalse(refused.admitted());
    assertEquals(PreAuthLimits.TOTAL_REFUSAL, refused.refusal());
  }

  @Test
  void thePerAddressLimitRefusesOnlyThatAddress() {
    limits.configure(2, 0);
    open(a, 2);
    Ticket refused = limits.open(a);
    assertFalse(refused.admitted());
    assertEquals(PreAuthLimits.PER_ADDRESS_REFUSAL, refused.refusal());
    Ticket other = limits.open(b);
    assertTrue(other.admitted());
    assertNull(other.refusal());
  }

  @Test
  void theTotalLimitRefusesEveryAddress() {
    limits.configure(0, 3);
    open(a, 2);
    open(b, 1);
    Ticket refused = limits.open(address(3));
    assertFalse(refused.admitted());
    assertEquals(PreAuthLimits.TOTAL_REFUSAL, refused.refusal());
  }

  @Test
  void closingGivesThePlaceBackOnce() {
    limits.configure(2, 0);
    List<Ticket> tickets = open(a, 2);
    tickets.get(0).close();
    tickets.get(0).close();
    assertEquals(1, limits.waiting());
    assertTrue(limits.open(a).admitted());
    assertFalse(limits.open(a).admitted(), "a second close released nothing more");
  }

  @Test
  void aRefusedTicketHoldsNothing() {
    limits.configure(1, 0);
    Ticket admitted = limits.open(a);
    Ticket refused = limits.open(a);
    refused.close();
    assertEquals(1, limits.waiting());
    assertFalse(limits.open(a).admitted(), "closing the refused ticket freed nothing");
    admitted.close();
    assertEquals(0, limits.waiting());
    assertEquals(0, limits.addresses(), "an address with nothing waiting is forgotten");
    assertTrue(limits.open(a).admitted());
  }

  /**
   * Refused connections hold sockets until they hear why: as many as the limits allow are
   * refused with a reason, the rest dropped, so that one address cannot fill maxConnections with
   * refusals it never reads.
   */
  @Test
  void refusedConnectionsAreBoundedByTheSameLimitsAndTheRestDropped() {
    limits.configure(2, 3);
    open(a, 2);
    List<Ticket> refused = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Ticket t = limits.open(a);
      assertFalse(t.admitted());
      assertFalse(t.dropped(), "refused connection " + i + " hears why");
      assertEquals(PreAuthLimits.PER_ADDRESS_REFUSAL, t.refusal());
      refused.add(t);
    }
    for (int i = 0; i < 50; i++) {
      Ticket t = limits.open(a);
      assertTrue(t.dropped(), "past two refusals waiting, connection " + i + " is dropped");
      assertEquals(PreAuthLimits.PER_ADDRESS_REFUSAL, t.refusal());
      t.close();
    }
    assertEquals(2, limits.refusing(), "dropped tickets hold nothing");
    assertTrue(limits.open(b).admitted(), "another address is still admitted");
    Ticket totalRefused = limits.open(address(3));
    assertEquals(PreAuthLimits.TOTAL_REFUSAL, totalRefused.refusal());
    assertFalse(totalRefused.dropped(), "a third refusal fits the total of three");
    assertTrue(limits.open(address(4)).dropped(), "a fourth does not");
    refused.get(0).close();
    refused.get(0).close();
    assertEquals(2, limits.refusing(), "a refusal heard frees one place, once");
    Ticket again = limits.open(a);
    assertFalse(again.dropped());
    assertEquals(3, limits.waiting(), "refusals never take a waiting place (two from a, one from b)");
  }

  @Test
  void loweringTheLimitsLiveClosesNothingAndRefusesNewOnes() {
    List<Ticket> tickets = open(a, 3);
    limits.configure(1, 0);
    assertEquals(3, limits.waiting());
    assertFalse(limits.open(a).admitted());
    tickets.get(0).close();
    tickets.get(1).close();
    assertFalse(limits.open(a).admitted(), "one still waits, the limit is one");
    tickets.get(2).close();
    assertTrue(limits.open(a).admitted());
    limits.configure(0, 0);
    open(a, 2000);
  }

  @Test
  void countsAreExactUnderConcurrency() throws Exception {
    limits.configure(5, 12);
    AtomicInteger[] waiting = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
    AtomicInteger total = new AtomicInteger();
    AtomicInteger worstPerAddress = new AtomicInteger();
    AtomicInteger worstTotal = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> runs = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      runs.add(pool.submit(() -> {
        start.await();
        // Up to 4 tickets per thread: 32 could wait, far above both limits.
        List<Ticket> held = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 20_000; i++) {
          if (held.size() < 4 && random.nextBoolean()) {
            int n = random.nextInt(waiting.length);
            Ticket ticket = limits.open(address(n));
            if (ticket.admitted()) {
              // Counted after admission and uncounted before release: never above the truth.
              worstPerAddress.accumulateAndGet(waiting[n].incrementAndGet(), Math::max);
              worstTotal.accumulateAndGet(total.incrementAndGet(), Math::max);
              held.add(ticket);
              from.add(n);
            }
          } else if (!held.isEmpty()) {
            int k = random.nextInt(held.size());
            waiting[from.remove(k)].decrementAndGet();
            total.decrementAndGet();
            Ticket ticket = held.remove(k);
            ticket.close();
            ticket.close();
          }
        }
        for (int k = 0; k < held.size(); k++) {
          waiting[from.get(k)].decrementAndGet();
          total.decrementAndGet();
          held.get(k).close();
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> run : runs) {
      run.get(60, TimeUnit.SECONDS);
    }
    pool.shutdownNow();
    assertTrue(worstPerAddress.get() <= 5, "at most 5 per address, saw " + worstPerAddress);
    assertTrue(worstTotal.get() <= 12, "at most 12 in all, saw " + worstTotal);
    assertTrue(worstTotal.get() > 5, "the test must reach the limits to mean anything");
    assertEquals(0, limits.waiting());
    assertEquals(0, limits.addresses());
  }

  @Test
  void negativeLimitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> limits.configure(-1, 10));
    assertThrows(IllegalArgumentException.class, () -> limits.configure(10, -1));
  }
}
