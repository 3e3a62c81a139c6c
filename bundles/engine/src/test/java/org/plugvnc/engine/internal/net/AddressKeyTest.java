package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/**
 * What the limits and the throttle count a peer by: an IPv6 host choosing fresh source addresses
 * in its /64 gets no fresh start, and nobody outside that /64 is counted with it.
 */
class AddressKeyTest {

  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  @Test
  void ipv4AddressesAreCountedAsTheyAre() throws Exception {
    assertEquals(ip("192.0.2.7"), AddressKey.of(ip("192.0.2.7")));
    assertNotEquals(AddressKey.of(ip("127.0.0.1")), AddressKey.of(ip("127.0.0.2")));
  }

  @Test
  void ipv6AddressesAreCountedByTheirSlash64() throws Exception {
    InetAddress a = AddressKey.of(ip("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
    assertEquals(ip("2001:db8:1:2::"), a);
    assertEquals(a, AddressKey.of(ip("2001:db8:1:2::1")), "the same /64");
    assertNotEquals(a, AddressKey.of(ip("2001:db8:1:3::1")), "the next /64");
  }

  @Test
  void loopbackAndLinkLocalPeersAreToldApartByAddress() throws Exception {
    assertEquals(ip("::1"), AddressKey.of(ip("::1")));
    assertNotEquals(AddressKey.of(ip("fe80::1")), AddressKey.of(ip("fe80::2")));
  }

  @Test
  void aFloodFromOneSlash64SharesOneLimitAndBlocksOnlyItself() throws Exception {
    PreAuthLimits limits = new PreAuthLimits();
    limits.configure(2, 0);
    for (int host = 1; host <= 2; host++) {
      assertTrue(limits.open(AddressKey.of(ip("2001:db8::" + host))).admitted());
    }
    PreAuthLimits.Ticket third = limits.open(AddressKey.of(ip("2001:db8::3")));
    assertFalse(third.admitted(), "a third host of the same /64 is refused");
    assertTrue(limits.open(AddressKey.of(ip("2001:db8:0:1::1"))).admitted(), "another /64 is not");

    AuthFailureThrottle throttle = new AuthFailureThrottle(() -> 0L);
    throttle.configure(2, 10_000);
    for (int host = 1; host <= 2; host++) {
      throttle.judge(AddressKey.of(ip("2001:db8::" + host))).failed();
    }
    assertNull(throttle.judge(AddressKey.of(ip("2001:db8::99"))), "the /64 is blocked");
    assertFalse(throttle.blocked(AddressKey.of(ip("2001:db8:0:1::99"))), "the next /64 is not");
  }
}
