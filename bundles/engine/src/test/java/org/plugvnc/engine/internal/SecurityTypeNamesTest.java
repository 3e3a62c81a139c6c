package org.plugvnc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityTypeNamesTest {

  @Test
  void theDefaultOffersTheStrongestFirstAndVncAuthenticationLast() {
    // Numbers from the rfbproto registry: VeNCrypt 19, RA2_256 129, RA2 5, RA2ne_256 130, RA2ne 6.
    assertEquals(List.of(19, 129, 5, 130, 6, 2), SecurityTypeNames.parse(SecurityTypeNames.DEFAULT));
  }

  @Test
  void namesAreCaseInsensitiveAndNumbersAndDuplicatesAreTaken() {
    assertEquals(List.of(130, 1, 2, 40), SecurityTypeNames.parse("ra2NE_256, none vnc,VncAuth 40"));
  }

  @Test
  void anUnknownNameOrANumberOutOfRangeIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SecurityTypeNames.parse("VncAuth,Kerberos"));
    assertTrue(e.getMessage().contains("Kerberos"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SecurityTypeNames.parse("256"));
    assertThrows(IllegalArgumentException.class, () -> SecurityTypeNames.parse("0"));
  }
}
