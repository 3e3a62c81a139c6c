package org.plugvnc.engine.internal.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Addresses as people write them: IPv6 in its short form (RFC 5952: {@code ::1}, not the JDK's
 * {@code 0:0:0:0:0:0:0:1}) and in brackets before a port.
 */
public final class AddressText {

  private AddressText() {}

  /** {@code 10.0.0.7}, {@code [::1]}: a host as written before {@code :port}. */
  public static String host(InetSocketAddress address) {
    InetAddress a = address.getAddress();
    if (a == null) {
      return address.getHostString();
    }
    return a instanceof Inet6Address ? "[" + of(a) + "]" : of(a);
  }

  /** {@code 10.0.0.7:5900}, {@code [::1]:5900}. */
  public static String hostAndPort(InetSocketAddress address) {
    return host(address) + ":" + address.getPort();
  }

  /** The address alone, IPv6 in its short form (with its scope, if any). */
  public static String of(InetAddress address) {
    if (!(address instanceof Inet6Address v6)) {
      return address.getHostAddress();
    }
    byte[] b = v6.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (b[2 * i] & 0xFF) << 8 | (b[2 * i + 1] & 0xFF);
    }
    // The longest run of two or more zero groups (the first of equals) becomes "::".
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    String scope = v6.getScopeId() != 0 ? "%" + v6.getScopeId()
        : v6.getScopedInterface() != null ? "%" + v6.getScopedInterface().getName() : "";
    return text + scope;
  }
}
