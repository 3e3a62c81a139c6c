package org.plugvnc.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.management.DesktopInfo;
import org.plugvnc.api.management.EncoderInfo;
import org.plugvnc.api.management.SecurityTypeInfo;
import org.plugvnc.api.management.SessionInfo;
import org.plugvnc.api.security.Identity;

class CommandTablesTest {

  private static final Instant SINCE = Instant.parse("2025-01-02T03:04:05Z");

  private static SessionInfo session(long id, String user, boolean viewOnly) {
    Map<String, Long> used = new LinkedHashMap<>();
    used.put("ZRLE", 120L);
    used.put("CopyRect", 3L);
    return new SessionInfo(id, "default", "127.0.0.1:50123", user, viewOnly, 2, "VncAuth",
        "ZRLE", used, "32 bpp, depth 24, true colour r8<16 g8<8 b8<0 LE", 1_572_864, 300, 24.96,
        SINCE);
  }

  @Test
  void usersShowTheirRightsAndNothingElse() {
    List<List<String>> cells = Tables.cells(UserCommand.table(
        List.of(new Identity("alice", false), new Identity("guest", true))));
    assertEquals(List.of(List.of("User", "Rights"), List.of("alice", "full"),
        List.of("guest", "view-only")), cells);
    assertTrue(Tables.render(UserCommand.table(List.of())).contains("No users"));
  }

  @Test
  void sessionsShowTheShortColumnsByDefault() {
    List<List<String>> cells = Tables.cells(SessionsCommand.table(
        List.of(session(7, "vnc-password", false), session(9, "", true)), false,
        SINCE.plusSeconds(125), ZoneOffset.UTC));
    assertEquals(List.of("Id", "Desktop", "Peer", "User", "View-only", "Security", "Encoding",
        "Sent", "Updates/s", "Connected for"), cells.get(0));
    assertEquals(List.of("7", "default", "127.0.0.1:50123", "vnc-password", "no", "VncAuth",
        "ZRLE", "1.5 MiB", "25.0", "2m 05s"), cells.get(1));
    assertEquals(List.of("9", "default", "127.0.0.1:50123", "(none)", "yes", "VncAuth",
        "ZRLE", "1.5 MiB", "25.0", "2m 05s"), cells.get(2));
    assertEquals(3, cells.size());
  }

  @Test
  void verboseSessionsAddEncodingsUsedPixelFormatAndSince() {
    List<List<String>> cells = Tables.cells(SessionsCommand.table(
        List.of(session(7, "vnc-password", false)), true, SINCE.plusSeconds(3_700),
        ZoneOffset.UTC));
    assertEquals(List.of("Encodings used (rectangles)", "Pixel format", "Connected since"),
        cells.get(0).subList(10, 13));
    assertEquals(List.of("1h 01m", "ZRLE 120, CopyRect 3",
        "32 bpp, depth 24, true colour r8<16 g8<8 b8<0 LE", "2025-01-02 03:04:05"),
        cells.get(1).subList(9, 13));
  }

  @Test
  void noSessionSaysSo() {
    String text = Tables.render(SessionsCommand.table(List.of(), false, SINCE, ZoneOffset.UTC));
    assertEquals("No viewer is connected", text.lines().reduce((a, b) -> b).orElseThrow());
  }

  @Test
  void desktopsAndBackends() {
    DesktopInfo desktop = new DesktopInfo("default", "plugvnc", List.of("127.0.0.1:5900"), "",
        "x11", List.of("virtual", "x11"), 1024, 768, 2);
    assertEquals(List.of(List.of("Id", "Name", "Listening", "Backend", "Size", "Sessions"),
        List.of("default", "plugvnc", "127.0.0.1:5900", "(none)", "1024x768", "2")),
        Tables.cells(DesktopsCommand.table(List.of(desktop))));
    assertEquals(List.of(List.of("Desktop", "Shown", "Configured", "Available"),
        List.of("default", "(none)", "x11", "virtual, x11")),
        Tables.cells(BackendCommand.table(List.of(desktop))));
  }

  @Test
  void encodersWithTheSessionsUsingEach() {
    List<EncoderInfo> encoders = List.of(
        new EncoderInfo(7, "Tight", "org.plugvnc.encoders.tight 0.1.0", true, List.of()),
        new EncoderInfo(16, "ZRLE", "org.plugvnc.encoders.zlib 0.1.0", false, List.of(3L, 8L)));
    assertEquals(List.of(List.of("Number", "Name", "Bundle", "Lossy", "Sessions"),
        List.of("7", "Tight", "org.plugvnc.encoders.tight 0.1.0", "yes", ""),
        List.of("16", "ZRLE", "org.plugvnc.encoders.zlib 0.1.0", "no", "3, 8")),
        Tables.cells(EncodersCommand.table(encoders)));
  }

  @Test
  void securityTypesConfiguredButNotRegisteredHaveNoBundle() {
    List<SecurityTypeInfo> types = List.of(
        new SecurityTypeInfo(2, "VncAuth", "org.plugvnc.security 0.1.0", true, true, List.of(4L)),
        new SecurityTypeInfo(19, "VeNCrypt", "", true, false, List.of()));
    assertEquals(List.of(
        List.of("Number", "Name", "Bundle", "Configured", "Offered", "Sessions"),
        List.of("2", "VncAuth", "org.plugvnc.security 0.1.0", "yes", "yes", "4"),
        List.of("19", "VeNCrypt", "(none)", "yes", "no", "")),
        Tables.cells(SecurityCommand.table(types)));
  }
}
