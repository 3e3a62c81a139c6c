package org.plugvnc.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellsTest {

  @Test
  void bytesInBinaryUnitsWithOneDecimal() {
    assertEquals("0 B", Cells.bytes(0));
    assertEquals("1023 B", Cells.bytes(1023));
    assertEquals("1.0 KiB", Cells.bytes(1024));
    assertEquals("1.5 KiB", Cells.bytes(1536));
    assertEquals("23.4 MiB", Cells.bytes(24_536_678));
    assertEquals("2.0 GiB", Cells.bytes(2L << 30));
    assertEquals("8.0 EiB", Cells.bytes(Long.MAX_VALUE));
  }

  @Test
  void bytesThatRoundUpMoveToTheNextUnit() {
    assertEquals("1.0 MiB", Cells.bytes(1_048_575));
    assertEquals("1023.9 KiB", Cells.bytes(1_048_473));
  }

  @Test
  void durationsInTheirTwoLargestUnits() {
    assertEquals("0s", Cells.duration(Duration.ZERO));
    assertEquals("0s", Cells.duration(Duration.ofSeconds(-5)));
    assertEquals("59s", Cells.duration(Duration.ofMillis(59_999)));
    assertEquals("1m 00s", Cells.duration(Duration.ofSeconds(60)));
    assertEquals("3m 07s", Cells.duration(Duration.ofSeconds(187)));
    assertEquals("2h 05m", Cells.duration(Duration.ofMinutes(125).plusSeconds(59)));
    assertEquals("3d 04h", Cells.duration(Duration.ofHours(76).plusMinutes(59)));
  }

  @Test
  void rateTimeAndLists() {
    assertEquals("12.5", Cells.rate(12.46));
    assertEquals("0.0", Cells.rate(0));
    assertEquals("2024-02-29 23:59:58",
        Cells.time(Instant.parse("2024-02-29T23:59:58.900Z"), ZoneOffset.UTC));
    assertEquals("2024-03-01 01:59:58",
        Cells.time(Instant.parse("2024-02-29T23:59:58Z"), ZoneOffset.ofHours(2)));
    assertEquals("1, 3", Cells.list(List.of(1L, 3L)));
    assertEquals("", Cells.list(List.of()));
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("ZRLE", 120L);
    counts.put("CopyRect", 3L);
    assertEquals("ZRLE 120, CopyRect 3", Cells.counts(counts));
    assertEquals("(none)", Cells.orNone(""));
    assertEquals("virtual", Cells.orNone("virtual"));
    assertEquals("yes", Cells.yesNo(true));
    assertEquals("no", Cells.yesNo(false));
  }
}
