package org.plugvnc.transport.reverse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ViewerAddressTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"viewer.example, viewer.example, 5500", "viewer.example:5600, viewer.example, 5600",
      "10.1.2.3:1, 10.1.2.3, 1", "'[::1]:5501', ::1, 5501", "'[fe80::1]', fe80::1, 5500",
      "'fe80::2', fe80::2, 5500", "' host:65535 ', host, 65535"})
  void parses(String text, String host, int port) {
    assertEquals(new ViewerAddress(host, port), ViewerAddress.parse(text));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"host:0", "host:65536", "host:x", ":5500", "[::1", "[::1]5500", "[]:1"})
  void refuses(String text) {
    assertThrows(IllegalArgumentException.class, () -> ViewerAddress.parse(text));
  }

  @Test
  void aListDropsDuplicatesAndReportsBadEntries() {
    List<String> problems = new ArrayList<>();
    List<ViewerAddress> viewers =
        ViewerAddress.parseList("a, b:5600,,a:5500 , host:nope, [::1]:7", problems);
    assertEquals(List.of(new ViewerAddress("a", 5500), new ViewerAddress("b", 5600),
        new ViewerAddress("::1", 7)), viewers);
    assertEquals(1, problems.size(), problems.toString());
  }

  @Test
  void printsIpv6InBrackets() {
    assertEquals("[::1]:5500", new ViewerAddress("::1", 5500).toString());
    assertEquals("h:1", new ViewerAddress("h", 1).toString());
  }
}
