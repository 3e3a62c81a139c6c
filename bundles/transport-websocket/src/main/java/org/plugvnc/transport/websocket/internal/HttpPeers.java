package org.plugvnc.transport.websocket.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the connections each peer has open in HTTP (not yet a WebSocket), so that one address
 * cannot take every connection the engine's {@code maxConnections} allows: the engine counts
 * this transport's connections with its own and stops accepting on every port, RFB ports included,
 * once they are all taken, while its per-address limits only see connections that reached RFB. A
 * flood of idle or dribbling HTTP connections from one address would otherwise keep every
 * viewer out until its request timeouts, and again at once after. A peer is counted by its IPv4
 * address, or by the /64 network of its IPv6 address (one host usually has a whole /64 to pick
 * source addresses from), as the engine does. Thread-safe.
 */
final class HttpPeers {

  private static final int IPV6_PREFIX_BYTES = 8;
  private static final long WARNING_INTERVAL_NANOS = 60_000_000_000L;

  private final Map<Object, Integer> open = new ConcurrentHashMap<>();
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);
  private volatile int limit;

  /** @param limit the most HTTP connections one peer may have open (0: no limit) */
  HttpPeers(int limit) {
    this.limit = limit;
  }

  /** Changes the limit; connections already open stay. */
  void limit(int limit) {
    this.limit = limit;
  }

  /** Counts a connection of the peer at {@code address}; false, and not counted, if it has too many. */
  boolean tryOpen(SocketAddress address) {
    int max = limit;
    Object key = key(address);
    boolean[] admitted = {false};
    open.compute(key, (k, n) -> {
      int now = n == null ? 0 : n;
      if (max > 0 && now >= max) {
        return n;
      }
      admitted[0] = true;
      return now + 1;
    });
    return admitted[0];
  }

  /** The peer's connection counted by {@link #tryOpen} is closed or no longer HTTP. */
  void closed(SocketAddress address) {
    open.computeIfPresent(key(address), (k, n) -> n <= 1 ? null : n - 1);
  }

  /** Whether a refusal should be logged now: at most once a minute, since a flood refuses thousands. */
  boolean warnNow() {
    long now = System.nanoTime();
    long last = lastWarning.get();
    return now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now);
  }

  int limit() {
    return limit;
  }

  /** Connections counted for the peer at {@code address}, for tests. */
  int openOf(SocketAddress address) {
    return open.getOrDefault(key(address), 0);
  }

  private static Object key(SocketAddress address) {
    if (!(address instanceof InetSocketAddress inet) || inet.getAddress() == null) {
      return "local"; // not at an IP address: this machine
    }
    InetAddress a = inet.getAddress();
    if (!(a instanceof Inet6Address) || a.isLoopbackAddress() || a.isLinkLocalAddress()) {
      return a;
    }
    return Arrays.toString(Arrays.copyOf(a.getAddress(), IPV6_PREFIX_BYTES));
  }
}
