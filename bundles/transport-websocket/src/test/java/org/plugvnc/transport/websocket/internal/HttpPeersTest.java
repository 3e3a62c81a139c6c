package org.plugvnc.transport.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class HttpPeersTest {

  private static InetSocketAddress at(String address, int port) {
    return new InetSocketAddress(address, port);
  }

  @Test
  void aPeerGetsItsLimitAndAnotherPeerIsNotCounted() {
    HttpPeers peers = new HttpPeers(2);
    assertTrue(peers.tryOpen(at("192.0.2.1", 1000)));
    assertTrue(peers.tryOpen(at("192.0.2.1", 1001)));
    assertFalse(peers.tryOpen(at("192.0.2.1", 1002)), "a third from the same address");
    assertTrue(peers.tryOpen(at("192.0.2.2", 1000)), "another address");
    peers.closed(at("192.0.2.1", 1000));
    assertTrue(peers.tryOpen(at("192.0.2.1", 1003)), "one closed, one more");
    assertEquals(2, peers.openOf(at("192.0.2.1", 1)));
  }

  @Test
  void ipv6PeersAreCountedByTheirSlash64AndCountsGoBackToNothing() {
    HttpPeers peers = new HttpPeers(1);
    assertTrue(peers.tryOpen(at("2001:db8:1:2::1", 1)));
    assertFalse(peers.tryOpen(at("2001:db8:1:2:ffff::9", 1)), "the same /64");
    assertTrue(peers.tryOpen(at("2001:db8:1:3::1", 1)), "another /64");
    peers.closed(at("2001:db8:1:2::1", 1));
    assertEquals(0, peers.openOf(at("2001:db8:1:2::5", 1)));
  }

  @Test
  void zeroIsNoLimitAndALowerLimitAppliesToNewConnections() {
    HttpPeers peers = new HttpPeers(0);
    for (int i = 0; i < 1000; i++) {
      assertTrue(peers.tryOpen(at("192.0.2.1", i)));
    }
    peers.limit(5);
    assertFalse(peers.tryOpen(at("192.0.2.1", 1)));
    assertEquals(1000, peers.openOf(at("192.0.2.1", 1)), "those open stay");
  }
}
