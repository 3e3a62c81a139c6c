package org.plugvnc.engine.internal.net;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the connections that have not authenticated yet, per address and in all. Why: a client
 * that opens connections and never finishes the security handshake holds a socket, buffers and
 * handshake state on the server until the handshake timeout; without a bound, one address could
 * exhaust them and keep everybody else from logging in.
 *
 * <p>The transport calls {@link #open} when it accepts a connection, and closes the ticket once the
 * security handshake succeeded or the connection closed, whichever comes first. A ticket that was
 * not admitted is refused ({@link Ticket#refusal}): the connection hears why once the viewer has
 * told its version (the refusal's form depends on it), and is closed after a short grace if it
 * never does.
 *
 * <p>Refused connections are bounded too, by the same limits: while they wait for the viewer's
 * version each holds a socket, and a client that opens connections faster than the grace ends
 * them, and never sends its version, would otherwise fill {@code maxConnections} with refused
 * connections and keep every other address out. Past the bound a ticket is {@link Ticket#dropped}:
 * the connection is closed at once, without a reason. So one address holds at most twice its limit
 * of sockets before authenticating, and all addresses at most twice the total limit.
 *
 * <p>Thread-safe: Netty I/O threads call it at once. One lock guards the counts; every method holds
 * it for a map operation, never blocks on anything else, and the counts are exact. An address is
 * in the maps only while it has a connection waiting or refused, so they are bounded by the total
 * limit (or by the connections the server holds).
 */
public final class PreAuthLimits {

  static final String PER_ADDRESS_REFUSAL =
      "too many connections from this address are waiting to authenticate; try again later";
  static final String TOTAL_REFUSAL =
      "the server has too many connections waiting to authenticate; try again later";
  private static final long WARNING_INTERVAL_NANOS = 60_000_000_000L;
  private static final Logger LOG = LoggerFactory.getLogger(PreAuthLimits.class);

  private final Object lock = new Object();
  /** Connections admitted to authenticate. */
  private final Counts waiting = new Counts();
  /** Connections refused, waiting to hear why. */
  private final Counts refusing = new Counts();
  private int maxPerAddress = 100;
  private int maxTotal = 1000;
  private boolean warned;
  private long lastWarningNanos;

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
   * Counts a connection from {@code address} as waiting to authenticate, if the limits allow, or
   * else as refused, if the refused connections are within the same limits; called when the
   * connection is accepted.
   *
   * @return a ticket, never null, to be closed: an admitted one, a refused one that says why, or a
   *     dropped one
   */
  public Ticket open(InetAddress address) {
    Objects.requireNonNull(address, "address");
    synchronized (lock) {
      String refusal = waiting.refusal(address, maxPerAddress, maxTotal);
      if (refusal == null) {
        waiting.add(address);
        return new Ticket(address, waiting, null);
      }
      if (refusing.refusal(address, maxPerAddress, maxTotal) == null) {
        refusing.add(address);
        return new Ticket(address, refusing, refusal);
      }
      warnDropping(address, refusal);
      return new Ticket(address, null, refusal);
    }
  }

  /** At most once a minute: a flood must not flood the log as well. Under the lock. */
  private void warnDropping(InetAddress address, String refusal) {
    long now = System.nanoTime();
    if (warned && now - lastWarningNanos < WARNING_INTERVAL_NANOS) {
      return;
    }
    warned = true;
    lastWarningNanos = now;
    LOG.warn("closing connections at once (from {} first): {} refused connections already wait "
        + "to hear why ({})", address, refusing.total, refusal);
  }

  /** Connections waiting in all; for tests. */
  int waiting() {
    synchronized (lock) {
      return waiting.total;
    }
  }

  /** Addresses with a connection waiting; for tests. */
  int addresses() {
    synchronized (lock) {
      return waiting.perAddress.size();
    }
  }

  /** Refused connections still waiting to hear why, in all; for tests. */
  int refusing() {
    synchronized (lock) {
      return refusing.total;
    }
  }

  /** Connections per address and in all, of one kind; guarded by the lock. */
  private static final class Counts {
    final Map<InetAddress, Integer> perAddress = new HashMap<>();
    int total;

    /** Why one more from {@code address} would pass a limit; null when it would not. */
    String refusal(InetAddress address, int maxPerAddress, int maxTotal) {
      if (maxPerAddress > 0 && perAddress.getOrDefault(address, 0) >= maxPerAddress) {
        return PER_ADDRESS_REFUSAL;
      }
      if (maxTotal > 0 && total >= maxTotal) {
        return TOTAL_REFUSAL;
      }
      return null;
    }

    void add(InetAddress address) {
      perAddress.merge(address, 1, Integer::sum);
      total++;
    }

    void remove(InetAddress address) {
      perAddress.computeIfPresent(address, (a, n) -> n > 1 ? n - 1 : null);
      total--;
    }
  }

  /**
   * One connection's place among those waiting to authenticate or to hear their refusal, from
   * {@link #open}. Thread-safe.
   */
  public final class Ticket {

    private final InetAddress address;
    /** Where the ticket is counted; null when dropped. */
    private final Counts counted;
    private final String refusal;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Ticket(InetAddress address, Counts counted, String refusal) {
      this.address = address;
      this.counted = counted;
      this.refusal = refusal;
    }

    /** Whether the connection may go on to authenticate. */
    public boolean admitted() {
      return refusal == null;
    }

    /**
     * Whether the connection is to be closed at once, without a reason: it is refused, and as many
     * refused connections as the limits allow already wait to hear why.
     */
    public boolean dropped() {
      return counted == null;
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
     * whichever comes first. Only the first call counts; on a dropped ticket it does nothing.
     */
    public void close() {
      if (counted != null && closed.compareAndSet(false, true)) {
        synchronized (lock) {
          counted.remove(address);
        }
      }
    }
  }
}
