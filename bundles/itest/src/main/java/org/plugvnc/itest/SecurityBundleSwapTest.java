package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbNumbers;

/**
 * A security bundle stopped, started and updated while a viewer is connected through it (a
 * VeNCrypt X509Vnc TLS session, an RA2_256 encrypted session): that session keeps getting exact
 * updates throughout, its type is not offered while the bundle is stopped, and new viewers get in
 * through the restarted, then the updated, bundle.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class SecurityBundleSwapTest {

  @InjectBundleContext
  BundleContext context;

  @InjectService
  ConfigurationAdmin cm;

  private SecurityFixture security;
  private ServerFixture server;

  @BeforeEach
  void start() throws Exception {
    security = new SecurityFixture(context, cm);
    security.configure(SecurityFixture.RSAAES_PID, null, RfbNumbers.SECURITY_RA2_256);
    security.configure(SecurityFixture.VENCRYPT_PID, null, RfbNumbers.SECURITY_VENCRYPT);
    server = ServerFixture.start(cm, "VeNCrypt,RA2_256",
        Map.of("blacklistThreshold", 0, "sharePolicy", "SHARED"));
  }

  @AfterEach
  void startEverything() throws Exception {
    for (Bundle b : context.getBundles()) {
      if (b.getSymbolicName().startsWith("org.plugvnc") && b.getState() != Bundle.ACTIVE) {
        b.start();
      }
    }
    security.awaitType(RfbNumbers.SECURITY_VENCRYPT, -1);
    security.awaitType(RfbNumbers.SECURITY_RA2_256, -1);
  }

  @ParameterizedTest(name = "{0}, type {1}")
  @CsvSource({"org.plugvnc.security.vencrypt, 19", "org.plugvnc.security.rsaaes, 129"})
  void aSessionOutlivesItsSecurityBundle(String bsn, int type) throws Exception {
    int other = type == RfbNumbers.SECURITY_VENCRYPT ? RfbNumbers.SECURITY_RA2_256 : RfbNumbers.SECURITY_VENCRYPT;
    Bundle bundle = Arrays.stream(context.getBundles()).filter(b -> bsn.equals(b.getSymbolicName()))
        .findFirst().orElseThrow();
    try (RfbClient session = viewer(type)) {
      assertNotNull(session.security().serverFingerprint(), "an authenticated, encrypted session");
      SecurityFixture.assertPattern(session);

      bundle.stop();
      SecurityFixture.assertPattern(session);
      try (RawConnection raw = new RawConnection("127.0.0.1", server.port)) {
        assertEquals(List.of(other), raw.types, "a stopped bundle's type is not offered");
      }
      SecurityFixture.assertPattern(session);

      bundle.start();
      security.awaitType(type, -1);
      try (RfbClient late = viewer(type)) {
        SecurityFixture.assertPattern(late);
      }
      SecurityFixture.assertPattern(session);

      long before = security.serviceId(type);
      bundle.update();
      security.awaitType(type, before);
      SecurityFixture.assertPattern(session);
      try (RfbClient late = viewer(type)) {
        assertEquals(type, late.securityType());
        SecurityFixture.assertPattern(late);
      }
      SecurityFixture.assertPattern(session);
      assertFalse(session.isClosed(), "the first session is still open");
    }
  }

  private RfbClient viewer(int type) throws Exception {
    return server.client().securityType(type).veNCryptSubtypes(RfbNumbers.VENCRYPT_X509_VNC)
        .trustCertificates(security.certificate()).password(ServerFixture.PASSWORD)
        .shared(true).encodings(RfbNumbers.ENCODING_RAW).connect();
  }
}
