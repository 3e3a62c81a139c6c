package org.plugvnc.security.vencrypt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VeNCryptEntriesTest {

  @Test
  void aCfgFilesOneStringAndConfigAdminsArrayGiveTheSameEntries() {
    // fileinstall hands "subtypes = X509Vnc, X509Plain" over as one String, ConfigAdmin tools an array.
    assertEquals(List.of("X509Vnc", "X509Plain"), VeNCrypt.entries(new String[] {"X509Vnc, X509Plain"}));
    assertEquals(List.of("X509Vnc", "X509Plain"), VeNCrypt.entries(new String[] {"X509Vnc", " X509Plain"}));
    assertEquals(List.of(), VeNCrypt.entries(new String[] {""}));
  }
}
