package org.plugvnc.engine.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionRecordTest {

  @Test
  void peersAreWrittenAsPeopleWriteThem() throws Exception {
    assertEquals("10.0.0.7:51234",
        ConnectionRecord.peer(new InetSocketAddress(InetAddress.getByName("10.0.0.7"), 51234)));
    assertEquals("[::1]:5900",
        ConnectionRecord.peer(new InetSocketAddress(InetAddress.getByName("::1"), 5900)));
    InetSocketAddress unresolved = InetSocketAddress.createUnresolved("unresolved.example", 1);
    assertEquals(unresolved.toString(), ConnectionRecord.peer(unresolved), "as Java writes it");
  }

  @Test
  void rectanglesAreCountedPerEncodingInTheOrderFirstUsed() {
    ConnectionRecord r = new ConnectionRecord(1, "x");
    for (int e : new int[] {16, -239, 16, 1, 16}) {
      r.rect(e);
    }
    assertEquals(Map.of(16, 3L, -239, 1L, 1, 1L), r.rectsPerEncoding());
    assertEquals(List.of(16, -239, 1), List.copyOf(r.rectsPerEncoding().keySet()));
    assertTrue(r.used(-239));
    assertFalse(r.used(5));
  }

  @Test
  void theFirstReasonForEndingIsKept() {
    ConnectionRecord r = new ConnectionRecord(1, "x");
    r.ending("the viewer is not reading");
    r.ending("sending failed");
    assertEquals("the viewer is not reading", r.endReason());
  }
}
