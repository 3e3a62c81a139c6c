package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbClientBuilder;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbSecurityException;
import org.plugvnc.client.RfbSecurityException.Failure;

/**
 * The four RSA-AES types end to end with the project's client: with the VNC password
 * (credentials=password), a user of the users file and a JAAS user (credentials=users); wrong
 * answers and client keys out of 1024..8192 bits fail with a reason; the fingerprint of the key
 * file, as the server logs it, can be pinned.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class RsaAesTest {

  private static final Map<String, Object> USERS = Map.of("credentials", "users");

  @InjectBundleContext
  BundleContext context;

  @InjectService
  ConfigurationAdmin cm;

  SecurityFixture security;
  ServerFixture server;

  @BeforeEach
  void start() throws Exception {
    security = new SecurityFixture(context, cm);
    security.configure(SecurityFixture.RSAAES_PID, null, RfbNumbers.SECURITY_RA2);
    security.users("bob", "full", "bob-pw12");
    server = ServerFixture.start(cm, "RA2,RA2ne,RA2_256,RA2ne_256", Map.of("blacklistThreshold", 0));
  }

  @AfterEach
  void restore() throws Exception {
    security.removeJaas();
    security.configure(SecurityFixture.RSAAES_PID, null, RfbNumbers.SECURITY_RA2);
  }

  private RfbClientBuilder viewer(int type) {
    return server.client().securityType(type).encodings(RfbNumbers.ENCODING_RAW);
  }

  @ParameterizedTest(name = "type {0}")
  @ValueSource(ints = {5, 6, 129, 130})
  void theVncPasswordGetsIn(int type) throws Exception {
    try (RfbClient c = viewer(type).password(ServerFixture.PASSWORD).connect()) {
      assertEquals(type, c.securityType());
      assertEquals(2, c.security().subtype(), "credentials=password asks for the password only");
      SecurityFixture.assertPattern(c);
    }
  }

  @ParameterizedTest(name = "type {0}")
  @ValueSource(ints = {5, 6, 129, 130})
  void aUserOfTheUsersFileGetsIn(int type) throws Exception {
    security.configure(SecurityFixture.RSAAES_PID, USERS, RfbNumbers.SECURITY_RA2);
    try (RfbClient c = viewer(type).username("bob").password("bob-pw12").connect()) {
      assertEquals(1, c.security().subtype(), "credentials=users asks for user and password");
      SecurityFixture.assertPattern(c);
    }
    RfbSecurityException e = assertThrows(RfbSecurityException.class,
        () -> viewer(type).username("bob").password(ServerFixture.PASSWORD).connect().close());
    assertEquals(Failure.AUTHENTICATION_FAILED, e.failure());
    assertEquals("authentication failed", e.serverReason());
  }

  @ParameterizedTest(name = "type {0}")
  @ValueSource(ints = {5, 6, 129, 130})
  void aJaasUserGetsIn(int type) throws Exception {
    security.configure(SecurityFixture.RSAAES_PID, USERS, RfbNumbers.SECURITY_RA2);
    security.jaas(Map.of("carol", "carol-pw1,admin"));
    try (RfbClient c = viewer(type).username("carol").password("carol-pw1").connect()) {
      assertEquals(1, c.security().subtype());
      SecurityFixture.assertPattern(c);
    }
    RfbSecurityException wrong = assertThrows(RfbSecurityException.class,
        () -> viewer(type).username("carol").password("bob-pw12").connect().close());
    assertEquals("authentication failed", wrong.serverReason());
    assertThrows(RfbSecurityException.class,
        () -> viewer(type).username("bob").password("bob-pw12").connect().close(),
        "the higher-ranked JAAS service decides, not the users file");
  }

  @Test
  void aWrongPasswordFailsWithTheReason() {
    for (int type : new int[] {5, 6, 129, 130}) {
      RfbSecurityException e = assertThrows(RfbSecurityException.class,
          () -> viewer(type).password("wrong-pw").connect().close());
      assertEquals(Failure.AUTHENTICATION_FAILED, e.failure(), "type " + type);
      assertEquals("authentication failed", e.serverReason(), "type " + type);
    }
  }

  @Test
  void aClientKeyOfTooFewBitsIsRefusedWhileTheSmallestAllowedWorks() throws Exception {
    RfbSecurityException e = assertThrows(RfbSecurityException.class, () ->
        viewer(RfbNumbers.SECURITY_RA2_256).rsaKeyBits(1023).password(ServerFixture.PASSWORD)
            .connect().close());
    assertTrue(e.serverReason() != null && e.serverReason().contains("1023 bits is too short"),
        String.valueOf(e.serverReason()));
    try (RfbClient c = viewer(RfbNumbers.SECURITY_RA2_256).rsaKeyBits(1024)
        .password(ServerFixture.PASSWORD).connect()) {
      SecurityFixture.assertPattern(c);
    }
  }

  /**
   * A key of 8200 bits: generating one takes the client tens of seconds on a small machine, and
   * the server must refuse it from the length alone, so only the length is sent (raw socket).
   */
  @Test
  void aClientKeyOfTooManyBitsIsRefusedFromItsLength() throws Exception {
    try (RawConnection raw = new RawConnection("127.0.0.1", server.port)) {
      assertEquals(List.of(5, 6, 129, 130), raw.types);
      raw.out.write(RfbNumbers.SECURITY_RA2);
      raw.out.flush();
      long bits = Integer.toUnsignedLong(raw.in.readInt());
      assertTrue(bits >= 1024 && bits <= 8192, bits + " bits");
      raw.in.readNBytes((int) (2 * ((bits + 7) / 8)));
      raw.out.writeInt(8200);
      raw.out.flush();
      assertEquals(RfbNumbers.SECURITY_RESULT_FAILED, raw.in.readInt());
      String reason = raw.reason();
      assertTrue(reason.contains("8200 bits is too long"), reason);
      assertEquals(-1, raw.in.read(), "then the server closes");
    }
  }

  @Test
  void theLoggedFingerprintCanBePinned() throws Exception {
    String logged = security.rsaFingerprint();
    try (RfbClient c = viewer(RfbNumbers.SECURITY_RA2_256).pinServerKeySha256(logged)
        .password(ServerFixture.PASSWORD).connect()) {
      assertEquals(logged.replace(":", "").toLowerCase(java.util.Locale.ROOT),
          c.security().serverFingerprint());
      SecurityFixture.assertPattern(c);
    }
    RfbSecurityException e = assertThrows(RfbSecurityException.class, () ->
        viewer(RfbNumbers.SECURITY_RA2_256).pinServerKeySha256("AB".repeat(32))
            .password(ServerFixture.PASSWORD).connect().close());
    assertEquals(Failure.SERVER_NOT_TRUSTED, e.failure());
  }
}
