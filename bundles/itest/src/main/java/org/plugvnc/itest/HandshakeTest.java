package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.ProtocolVersion;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbSecurityException;
import org.plugvnc.client.ServerInit;

/** Every protocol version and security type, against the real server in a real framework. */
@ExtendWith(ServiceExtension.class)
class HandshakeTest {

  @InjectService
  ConfigurationAdmin cm;

  ServerFixture server;

  @BeforeEach
  void start() throws Exception {
    server = ServerFixture.start(cm, "VncAuth,None", Map.of("desktopName", "itest desktop"));
  }

  @ParameterizedTest(name = "{0} with security type {1}")
  @CsvSource({"V3_3, 1", "V3_3, 2", "V3_7, 1", "V3_7, 2", "V3_8, 1", "V3_8, 2"})
  void everyVersionWithEverySecurityType(ProtocolVersion version, int type) throws IOException {
    try (RfbClient c = server.client().version(version).securityType(type)
        .password(ServerFixture.PASSWORD).connect()) {
      ServerInit init = c.serverInit();
      assertEquals(ServerFixture.WIDTH, init.width());
      assertEquals(ServerFixture.HEIGHT, init.height());
      assertEquals("itest desktop", init.name());
      assertEquals(32, init.pixelFormat().bitsPerPixel());
    }
  }

  @ParameterizedTest(name = "client version {0} is spoken as 3.{1}")
  @CsvSource({"'RFB 003.889\n', V3_8", "'RFB 003.004\n', V3_3", "'RFB 003.006\n', V3_3",
      "'RFB 003.005\n', V3_3"})
  void otherMinorVersionsAreMappedAsTheSpecSays(String wire, ProtocolVersion spokenAs)
      throws IOException {
    try (RfbClient c = server.client().rawVersion(wire, spokenAs).securityType(2)
        .password(ServerFixture.PASSWORD).connect()) {
      assertEquals(ServerFixture.WIDTH, c.serverInit().width());
    }
  }

  /** As TigerVNC: the 3.7+ failure form (no security types, then the reason), then the close. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"RFB 003.00x\n", "RFB 004.000\n", "RFB 003.002\n", "HTTP/1.1 GET\n"})
  void aVersionTheServerRefusesGetsAReason(String version) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port)) {
      s.setSoTimeout(5000);
      DataInputStream in = new DataInputStream(s.getInputStream());
      assertEquals("RFB 003.008\n", new String(in.readNBytes(12), StandardCharsets.US_ASCII));
      OutputStream out = s.getOutputStream();
      out.write(version.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertEquals(0, in.readUnsignedByte(), "no security types");
      String reason = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
      assertTrue(reason.contains("3.8"), reason);
      assertEquals(-1, in.read(), "then the server closes");
    }
  }

  /** The details (configured and registered types) are for the log, not for whoever connects. */
  @Test
  void theRefusalForNoUsableTypeShowsNoConfiguration() throws Exception {
    // 18 (TLS, historic): a type no bundle provides, now that VeNCrypt (19) has one.
    server = ServerFixture.start(cm, "18", Map.of());
    try (Socket s = new Socket("127.0.0.1", server.port)) {
      s.setSoTimeout(5000);
      DataInputStream in = new DataInputStream(s.getInputStream());
      in.readNBytes(12);
      s.getOutputStream().write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
      assertEquals(0, in.readUnsignedByte(), "no security types");
      String reason = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
      assertFalse(reason.isBlank());
      assertFalse(reason.contains("configured") || reason.contains("registered")
          || reason.contains("18"), reason);
    }
  }

  @Test
  void wrongPasswordIsRefusedWithAReason() {
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> server.client().securityType(2).password("wrong-pw").connect().close());
    assertEquals(RfbSecurityException.Failure.AUTHENTICATION_FAILED, e.failure());
    assertTrue(e.serverReason() != null && !e.serverReason().isBlank(), "3.8 sends a reason");
  }

  @Test
  void anAddressThatKeepsFailingIsRefusedForAWhile() throws Exception {
    server = ServerFixture.start(cm, "VncAuth",
        Map.of("blacklistThreshold", 2, "blacklistTimeoutSeconds", 2));
    for (int i = 0; i < 2; i++) {
      assertThrows(RfbSecurityException.class,
          () -> server.client().securityType(2).password("wrong-pw").connect().close());
    }
    RfbSecurityException blocked = assertThrows(RfbSecurityException.class,
        () -> server.client().securityType(2).password(ServerFixture.PASSWORD).connect().close());
    assertEquals(RfbSecurityException.Failure.CONNECTION_REFUSED, blocked.failure());
    assertTrue(blocked.serverReason().contains("too many"), blocked.serverReason());
    Thread.sleep(2100);
    try (RfbClient c = server.client().securityType(2).password(ServerFixture.PASSWORD).connect()) {
      assertEquals(ServerFixture.WIDTH, c.serverInit().width(), "the block ends");
    }
  }

  @Test
  void viewOnlyPasswordGetsIn() throws IOException {
    try (RfbClient c = server.client().securityType(2).password(ServerFixture.VIEW_ONLY_PASSWORD)
        .connect()) {
      assertEquals(ServerFixture.WIDTH, c.serverInit().width());
    }
  }

  @Test
  void onlyConfiguredTypesAreOffered() throws Exception {
    server = ServerFixture.start(cm, "VncAuth", Map.of());
    try (RfbClient c = server.client().securityType(2).password(ServerFixture.PASSWORD).connect()) {
      assertEquals(List.of(2), c.offeredSecurityTypes());
    }
  }

  /** CVE-2006-2369: choosing None when only VNC Authentication is offered must not get in. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"V3_7", "V3_8"})
  void aTypeNotOfferedIsRefused(ProtocolVersion version) throws Exception {
    server = ServerFixture.start(cm, "VncAuth", Map.of());
    // The viewer never reaches ServerInit. A 3.8 viewer reads a failed SecurityResult with the
    // reason; a 3.7 viewer that chose None expects no SecurityResult and just sees the close.
    IOException e = assertThrows(IOException.class,
        () -> server.client().version(version).forceSecurityType(1).connect().close());
    if (version == ProtocolVersion.V3_8) {
      RfbSecurityException s = assertInstanceOf(RfbSecurityException.class, e);
      assertEquals(RfbSecurityException.Failure.AUTHENTICATION_FAILED, s.failure());
      assertTrue(s.serverReason().contains("not offered"), s.serverReason());
    }
  }

  @Test
  void theServerSurvivesARefusedViewer() throws Exception {
    server = ServerFixture.start(cm, "VncAuth", Map.of());
    assertThrows(RfbSecurityException.class,
        () -> server.client().forceSecurityType(1).connect().close());
    try (RfbClient c = server.client().securityType(2).password(ServerFixture.PASSWORD).connect()) {
      assertFalse(c.isClosed());
      assertEquals(ServerFixture.WIDTH, c.serverInit().width());
    }
  }
}
