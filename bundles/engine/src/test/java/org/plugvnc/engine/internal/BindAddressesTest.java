package org.plugvnc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindAddressesTest {

  @Test
  void aListNamesEachAddressOnceInOrder() {
    assertEquals(List.of(new InetSocketAddress("127.0.0.1", 5900), new InetSocketAddress("::1", 5900)),
        BindAddresses.parse(" 127.0.0.1, [::1] ,127.0.0.1", 5900));
  }

  @Test
  void theWildcardsAreAddressesToo() {
    assertEquals(List.of(new InetSocketAddress("::", 5901)), BindAddresses.parse("::", 5901));
    assertEquals(List.of(new InetSocketAddress("0.0.0.0", 5901)),
        BindAddresses.parse("0.0.0.0", 5901));
  }

  @Test
  void nothingOrAnUnresolvableNameIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> BindAddresses.parse(" , ", 5900));
    assertThrows(IllegalArgumentException.class,
        () -> BindAddresses.parse("no-such-host.invalid", 5900));
  }
}
