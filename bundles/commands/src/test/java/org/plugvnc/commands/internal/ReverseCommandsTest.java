package org.plugvnc.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.plugvnc.api.management.ReverseConnections.Target;

class ReverseCommandsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"viewer, viewer, 5500", "viewer:5600, viewer, 5600", "'[::1]:7', ::1, 7",
      "'[::1]', ::1, 5500", "'fe80::1', fe80::1, 5500"})
  void viewersParse(String text, String host, int port) {
    assertEquals(new ListeningViewer(host, port), ListeningViewer.parse(text));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"viewer:0", "viewer:70000", "viewer:x", ":5500", "[::1", "[::1]x"})
  void badViewersAreRefusedWithAReason(String text) {
    assertThrows(IllegalArgumentException.class, () -> ListeningViewer.parse(text));
  }

  @Test
  void theTargetsTableSaysKindAndState() {
    List<List<String>> cells = Tables.cells(ReverseCommand.table(List.of(
        new Target("::1", 5500, "default", true, "waiting", "refused; next attempt in 2000 ms"),
        new Target("viewer", 5600, "lab", false, "connected", ""))));
    assertEquals(List.of(List.of("Viewer", "Desktop", "Kind", "State", "Detail"),
        List.of("[::1]:5500", "default", "configured", "waiting", "refused; next attempt in 2000 ms"),
        List.of("viewer:5600", "lab", "once", "connected", "(none)")), cells);
  }

  @Test
  void withoutTheTransportTheCommandsSayWhatIsMissing() {
    ConnectCommand connect = new ConnectCommand();
    connect.viewer = "viewer";
    IllegalStateException e = assertThrows(IllegalStateException.class, connect::connect);
    assertEquals(true, e.getMessage().contains("transport-reverse"));
  }
}
