package org.plugvnc.engine.internal.net;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the connections that have not authenticated yet, per address and in all. Why: a client
 * that opens connections and never finishes the security handshake holds a socket, buffers and
 * handshake state on the server until the handshake timeout; without a bound, one address could
 * exhaust them and keep everybody else from logging in.
 *
 * <p>The transport calls {@link #open} when it accepts a connection, refuses the connection with
 * {@link Ticket#refusal} if the ticket was not admitted, and otherwise closes the ticket once the
 * security handshake succeeded or the connection closed, whichever comes first. A refused ticket
 * holds nothing, so refused connections count against nobody.
 *
 * <p>Thread-safe: Netty I/O threads call it at once. One lock guards the counts; every method holds
 * it for a map operation, never blocks on anything else, and the counts are exact. An address is
 * in the map only while it has a connection waiting, so the map is bounded by the total limit (or
 * by the connections the server holds).
 */
public final class PreAuthLimits {

  static final String PER_ADDRESS_REFUSAL =
      "too many connections from this address are waiting to authenticate; try again later";
  static final String TOTAL_REFUSAL =
      "the server has too many connections waiting to authenticate; try again later";

  private final Object lock = new Object();
  private final Map<InetAddress, Integer> perAddress = new HashMap<>();
  private int total;
  private int maxPerAddress = 100;
  private int maxTotal = 1000;

  /** Starts with at most 100 waiting connections per address and 1000 in all. */
  public PreAuthLimits() {
  }

  /**
   * Changes the limits for later connections; called by the server component when its
   * configuration changes. Lowering a limit closes nothing, it only refuses new connections until
   * enough have gone.
   *
   * @param maxPerAddress waiting connections allowed from one address; 0 is unlimited
   * @param maxTotal waiting connections allowed in all; 0 is unlimited
   * @throws IllegalArgumentException when a limit is negative
   */
  public void configure(int maxPerAddress, int maxTotal) {
    if (maxPerAddress < 0 || maxTotal < 0) {
      throw new IllegalArgumentException("limits " + maxPerAddress + " per address, " + maxTotal
          + " in all: neither may be negative");
    }
    synchronized (lock) {
      this.maxPerAddress = maxPerAddress;
      this.maxTotal = maxTotal;
    }
  }

  /**
   * Counts a connection from {@code address} as waiting to authenticate, if the limits allow;
   * called when the connection is accepted.
   *
   * @return a ticket, never null; an admitted one must be closed, a refused one says why
   */
  public Ticket open(InetAddress address) {
    Objects.requireNonNull(address, "address");
    synchronized (lock) {
      int fromAddress = perAddress.getOrDefault(address, 0);
      if (maxPerAddress > 0 && fromAddress >= maxPerAddress) {
        return new Ticket(null, PER_ADDRESS_REFUSAL);
      }
      if (maxTotal > 0 && total >= maxTotal) {
        return new Ticket(null, TOTAL_REFUSAL);
      }
      perAddress.put(address, fromAddress + 1);
      total++;
      return new Ticket(address, null);
    }
  }

  /** Connections waiting in all; for tests. */
  int waiting() {
    synchronized (lock) {
      return total;
    }
  }

  /** Addresses with a connection waiting; for tests. */
  int addresses() {
    synchronized (lock) {
      return perAddress.size();
    }
  }

  private void release(InetAddress address) {
    synchronized (lock) {
      perAddress.computeIfPresent(address, (a, n) -> n > 1 ? n - 1 : null);
      total--;
    }
  }

  /**
   * One connection's place among those waiting to authenticate, from {@link #open}. Thread-safe.
   */
  public final class Ticket {

    /** Null when refused. */
    private final InetAddress address;
    private final String refusal;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Ticket(InetAddress address, String refusal) {
      this.address = address;
      this.refusal = refusal;
    }

    /** Whether the connection may go on to authenticate. */
    public boolean admitted() {
      return refusal == null;
    }

    /**
     * Why the connection is refused, in words for the client (the RFB failure reason); null when
     * admitted.
     */
    public String refusal() {
      return refusal;
    }

    /**
     * Gives the place back; called when the security handshake succeeded or the connection closed,
     * whichever comes first. Only the first call counts; on a refused ticket it does nothing.
     */
    public void close() {
      if (address != null && closed.compareAndSet(false, true)) {
        release(address);
      }
    }
  }
}
