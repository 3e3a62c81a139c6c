package org.plugvnc.engine.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** The {@code bindAddress} key: comma-separated addresses, each bound at the one port. */
final class BindAddresses {

  private BindAddresses() {}

  /**
   * The socket addresses {@code configured} names at {@code port}, duplicates dropped, in order. An
   * IPv6 address may be written with or without brackets ({@code ::1}, {@code [::1]}).
   *
   * @throws IllegalArgumentException when it names none
   */
  static List<InetSocketAddress> parse(String configured, int port) {
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (String part : configured == null ? new String[0] : configured.split("[,\\s]+")) {
      String host = part.strip();
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      if (host.isEmpty()) {
        continue;
      }
      InetSocketAddress address = new InetSocketAddress(host, port);
      if (address.isUnresolved()) {
        throw new IllegalArgumentException("bindAddress " + part.strip()
            + " is not an address of this machine (it does not resolve)");
      }
      if (!addresses.contains(address)) {
        addresses.add(address);
      }
    }
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("bindAddress names no address: " + configured);
    }
    return List.copyOf(addresses);
  }
}
