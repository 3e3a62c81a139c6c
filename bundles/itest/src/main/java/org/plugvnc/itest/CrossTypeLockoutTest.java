package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * Wrong answers from one address count toward one blacklist whatever the security type (VeNCrypt
 * X509Vnc and X509Plain, RA2); another address (127.0.0.2, a raw socket bound to it) still gets
 * in meanwhile, and the block ends on time.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class CrossTypeLockoutTest {

  private static final int BLOCK_SECONDS = 3;

  @InjectBundleContext
  BundleContext context;

  @InjectService
  ConfigurationAdmin cm;

  private SecurityFixture security;
  private ServerFixture server;

  @BeforeEach
  void start() throws Exception {
    security = new SecurityFixture(context, cm);
    security.configure(SecurityFixture.RSAAES_PID, null, RfbNumbers.SECURITY_RA2);
    security.configure(SecurityFixture.VENCRYPT_PID, null, RfbNumbers.SECURITY_VENCRYPT);
    security.users("dana", "full", "dana-pw12");
    server = ServerFixture.start(cm, "VeNCrypt,RA2,VncAuth",
        Map.of("blacklistThreshold", 3, "blacklistTimeoutSeconds", BLOCK_SECONDS));
  }

  /** Lets the block run out and forgets the address, so that later tests are not refused. */
  @AfterEach
  void waitOutTheBlock() throws Exception {
    long end = System.nanoTime() + (BLOCK_SECONDS + 10) * 1_000_000_000L;
    while (true) {
      try (RfbClient c = vencrypt(RfbNumbers.VENCRYPT_X509_VNC).password(ServerFixture.PASSWORD).connect()) {
        return;
      } catch (RfbSecurityException e) {
        if (System.nanoTime() > end) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }

  @Test
  void wrongAnswersOverEveryTypeCountTowardOneBlacklist() throws Exception {
    assertEquals(Failure.AUTHENTICATION_FAILED, assertThrows(RfbSecurityException.class,
        () -> vencrypt(RfbNumbers.VENCRYPT_X509_VNC).password("wrong-pw").connect().close()).failure());
    assertEquals(Failure.AUTHENTICATION_FAILED, assertThrows(RfbSecurityException.class,
        () -> server.client().securityType(RfbNumbers.SECURITY_RA2).password("wrong-pw").connect()
            .close()).failure());
    assertEquals(Failure.AUTHENTICATION_FAILED, assertThrows(RfbSecurityException.class,
        () -> vencrypt(RfbNumbers.VENCRYPT_X509_PLAIN).username("dana").password("wrong-pw")
            .connect().close()).failure());

    for (RfbClientBuilder right : List.of(
        server.client().securityType(RfbNumbers.SECURITY_RA2).password(ServerFixture.PASSWORD),
        vencrypt(RfbNumbers.VENCRYPT_X509_PLAIN).username("dana").password("dana-pw12"),
        server.client().securityType(RfbNumbers.SECURITY_VNC_AUTH).password(ServerFixture.PASSWORD))) {
      RfbSecurityException blocked = assertThrows(RfbSecurityException.class, () -> right.connect().close());
      assertEquals(Failure.CONNECTION_REFUSED, blocked.failure(), "the right answer comes too late");
      assertTrue(blocked.serverReason().contains("too many"), blocked.serverReason());
    }

    try (RawConnection other = new RawConnection("127.0.0.2", server.port)) {
      assertNull(other.refusal, "another address is not blocked");
      assertEquals(List.of(19, 5, 2), other.types);
      other.out.write(RfbNumbers.SECURITY_VNC_AUTH);
      other.out.flush();
      byte[] challenge = other.in.readNBytes(16);
      other.out.write(vncResponse(ServerFixture.PASSWORD, challenge));
      other.out.flush();
      assertEquals(RfbNumbers.SECURITY_RESULT_OK, other.in.readInt(), "and gets in");
    }
  }

  private RfbClientBuilder vencrypt(int subtype) {
    return server.client().securityType(RfbNumbers.SECURITY_VENCRYPT).veNCryptSubtypes(subtype)
        .trustCertificates(security.certificate());
  }

  /** RFC 6143 7.2.2: the challenge DES-encrypted with the password, each key byte bit-reversed. */
  private static byte[] vncResponse(String password, byte[] challenge) throws Exception {
    byte[] key = new byte[8];
    byte[] p = password.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < Math.min(8, p.length); i++) {
      key[i] = (byte) (Integer.reverse(p[i] & 0xFF) >>> 24);
    }
    Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
    des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
    return des.doFinal(challenge);
  }
}
