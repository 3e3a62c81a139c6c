package org.plugvnc.engine.internal.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;

/**
 * What the throttle and the connection limits count a peer by: an IPv4 address as it is, an IPv6
 * address by its /64 network. One IPv6 host usually has a whole /64 to choose source addresses
 * from, so counting single IPv6 addresses would give an attacker 2^64 fresh starts.
 */
final class AddressKey {

  private static final int PREFIX_BYTES = 8;

  private AddressKey() {}

  /**
   * The key of a peer at {@code address}; a peer that is not at an IP address (a Unix domain
   * socket's) is this machine, and counts as its loopback address.
   */
  static InetAddress of(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return of(inet.getAddress());
    }
    return InetAddress.getLoopbackAddress();
  }

  static InetAddress of(InetAddress address) {
    if (!(address instanceof Inet6Address) || address.isLoopbackAddress()
        || address.isLinkLocalAddress()) {
      return address; // every link-local peer is in fe80::/64: they are told apart by address
    }
    byte[] network = address.getAddress();
    for (int i = PREFIX_BYTES; i < network.length; i++) {
      network[i] = 0;
    }
    try {
      return InetAddress.getByAddress(network);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are an IPv6 address", e);
    }
  }
}
