package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import org.junit.jupiter.api.Test;

/** RFC 5952's examples and the forms the logs and the management view show. */
class AddressTextTest {

  @Test
  void ipv6IsWrittenInItsShortForm() throws Exception {
    assertEquals("::1", AddressText.of(InetAddress.getByName("0:0:0:0:0:0:0:1")));
    assertEquals("::", AddressText.of(InetAddress.getByName("::")));
    assertEquals("2001:db8::1", AddressText.of(InetAddress.getByName("2001:db8:0:0:0:0:0:1")));
    // one zero group stays; the longest run wins, the first of two equal ones
    assertEquals("2001:db8:0:1:1:1:1:1",
        AddressText.of(InetAddress.getByName("2001:db8:0:1:1:1:1:1")));
    assertEquals("2001:0:0:1::1", AddressText.of(InetAddress.getByName("2001:0:0:1:0:0:0:1")));
    assertEquals("2001:db8::1:0:0:1", AddressText.of(InetAddress.getByName("2001:db8:0:0:1:0:0:1")));
    assertEquals("fe80::1", AddressText.of(InetAddress.getByName("FE80:0:0:0:0:0:0:1")));
  }

  @Test
  void peersAreWrittenWithTheirPort() {
    assertEquals("[::1]:5900", ConnectionRecord.peer(new InetSocketAddress("::1", 5900)));
    assertEquals("127.0.0.1:5900", ConnectionRecord.peer(new InetSocketAddress("127.0.0.1", 5900)));
    assertEquals("unix", ConnectionRecord.peer(UnixDomainSocketAddress.of("")));
  }
}
