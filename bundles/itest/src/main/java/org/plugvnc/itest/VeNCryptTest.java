package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * VeNCrypt (19) end to end with the project's client: every subtype the server offers gets in
 * with the right credentials and sees the exact picture, trusting the generated certificate;
 * wrong answers fail with the server's reason; Plain is offered only when allowed, and its
 * lengths are bounded before anything is read.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class VeNCryptTest {

  private static final Map<String, Object> ALL_SUBTYPES = Map.of(
      "subtypes", new String[] {"X509Vnc", "X509Plain", "X509None", "Plain"},
      "allowPlainWithoutTls", true);

  @InjectBundleContext
  BundleContext context;

  @InjectService
  ConfigurationAdmin cm;

  SecurityFixture security;
  ServerFixture server;

  @BeforeEach
  void start() throws Exception {
    security = new SecurityFixture(context, cm);
    security.users("alice", "full", "alice-pw1");
    server = ServerFixture.start(cm, "VeNCrypt", Map.of("blacklistThreshold", 0));
  }

  @AfterEach
  void restore() throws Exception {
    security.configure(SecurityFixture.VENCRYPT_PID, null, RfbNumbers.SECURITY_VENCRYPT);
  }

  private RfbClientBuilder viewer(int subtype) {
    return server.client().securityType(RfbNumbers.SECURITY_VENCRYPT).veNCryptSubtypes(subtype)
        .trustCertificates(security.certificate()).encodings(RfbNumbers.ENCODING_RAW);
  }

  @ParameterizedTest(name = "subtype {0}")
  @ValueSource(ints = {261, 262, 260, 256})
  void everyOfferedSubtypeGetsInAndSeesTheExactPicture(int subtype) throws Exception {
    security.configure(SecurityFixture.VENCRYPT_PID, ALL_SUBTYPES, RfbNumbers.SECURITY_VENCRYPT);
    String password = subtype == 261 ? ServerFixture.PASSWORD : "alice-pw1";
    try (RfbClient c = viewer(subtype).username("alice").password(password).connect()) {
      assertEquals(RfbNumbers.SECURITY_VENCRYPT, c.securityType());
      assertEquals(subtype, c.security().subtype());
      if (subtype == RfbNumbers.VENCRYPT_PLAIN) {
        assertNull(c.security().tlsProtocol(), "Plain runs without TLS");
      } else {
        assertNotNull(c.security().tlsProtocol());
        assertTrue(c.security().tlsProtocol().startsWith("TLSv1."), c.security().tlsProtocol());
      }
      SecurityFixture.assertPattern(c);
    }
  }

  @Test
  void theDefaultOffersTheX509SubtypesOnly() throws Exception {
    try (RawConnection raw = new RawConnection("127.0.0.1", server.port)) {
      assertEquals(List.of(19), raw.types);
      assertEquals(List.of(261, 262), raw.veNCryptSubtypes());
    }
  }

  @Test
  void wrongAnswersFailWithTheServersReason() throws Exception {
    RfbSecurityException vnc = assertThrows(RfbSecurityException.class,
        () -> viewer(261).password("wrong-pw").connect().close());
    assertEquals(Failure.AUTHENTICATION_FAILED, vnc.failure());
    assertFalse(vnc.serverReason() == null || vnc.serverReason().isBlank(), "a reason");
    for (String[] userAndPassword : new String[][] {{"alice", "wrong-pw"}, {"mallory", "alice-pw1"}}) {
      RfbSecurityException plain = assertThrows(RfbSecurityException.class, () -> viewer(262)
          .username(userAndPassword[0]).password(userAndPassword[1]).connect().close());
      assertEquals(Failure.AUTHENTICATION_FAILED, plain.failure());
      assertEquals("Authentication failed", plain.serverReason());
    }
    try (RfbClient c = viewer(262).username("alice").password("alice-pw1").connect()) {
      SecurityFixture.assertPattern(c);
    }
  }

  @Test
  void plainIsOfferedOnlyWhenAllowed() throws Exception {
    security.configure(SecurityFixture.VENCRYPT_PID,
        Map.of("subtypes", new String[] {"Plain", "X509Vnc"}), RfbNumbers.SECURITY_VENCRYPT);
    try (RawConnection raw = new RawConnection("127.0.0.1", server.port)) {
      assertEquals(List.of(261), raw.veNCryptSubtypes(), "Plain is listed but not allowed");
    }
    assertThrows(IOException.class, () -> viewer(256).forceVeNCryptSubtype(256)
        .username("alice").password("alice-pw1").connect().close(), "Plain chosen anyway is refused");

    security.configure(SecurityFixture.VENCRYPT_PID, Map.of("subtypes",
        new String[] {"Plain", "X509Vnc"}, "allowPlainWithoutTls", true), RfbNumbers.SECURITY_VENCRYPT);
    try (RawConnection raw = new RawConnection("127.0.0.1", server.port)) {
      assertEquals(List.of(256, 261), raw.veNCryptSubtypes());
    }
  }

  /** Lengths above maxCredentialLength, up to 4 GiB, are refused from the header alone. */
  @ParameterizedTest(name = "user name length {0}")
  @ValueSource(longs = {1025, 0xFFFF_FFFFL})
  void anOversizePlainLengthIsRefused(long userLength) throws Exception {
    security.configure(SecurityFixture.VENCRYPT_PID, ALL_SUBTYPES, RfbNumbers.SECURITY_VENCRYPT);
    try (RawConnection raw = new RawConnection("127.0.0.1", server.port)) {
      assertTrue(raw.veNCryptSubtypes().contains(256));
      raw.out.writeInt(256);
      raw.out.writeInt((int) userLength);
      raw.out.writeInt(4);
      raw.out.flush(); // and no bytes of the claimed user name: the refusal must not wait for them
      assertEquals(RfbNumbers.SECURITY_RESULT_FAILED, raw.in.readInt(), "SecurityResult failed");
      String reason = raw.reason();
      assertTrue(reason.contains("at most 1024"), reason);
      assertEquals(-1, raw.in.read(), "then the server closes");
    }
    try (RfbClient c = viewer(256).username("alice").password("alice-pw1").connect()) {
      assertEquals(256, c.security().subtype(), "the server still serves Plain");
    }
  }

  @Test
  void aViewerThatDoesNotTrustTheCertificateStops() {
    RfbSecurityException e = assertThrows(RfbSecurityException.class, () -> server.client()
        .securityType(RfbNumbers.SECURITY_VENCRYPT).veNCryptSubtypes(261)
        .pinCertificateSha256("00".repeat(32)).password(ServerFixture.PASSWORD).connect().close());
    assertEquals(Failure.SERVER_NOT_TRUSTED, e.failure());
  }

}
