package org.plugvnc.security.vencrypt.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/**
 * Why TLSNone, TLSVnc and TLSPlain are left out: this JVM refuses anonymous (EC)DH suites even to
 * an engine that enables them on both sides (jdk.tls.disabledAlgorithms, JVM-wide). If this test
 * ever fails, the JVM's policy changed and the anonymous subtypes deserve another look.
 */
class AnonymousTlsTest {

  @Test
  void theJvmRefusesAnonymousSuitesEvenWhenBothSidesEnableThem() throws Exception {
    String[] anon = {"TLS_ECDH_anon_WITH_AES_128_CBC_SHA", "TLS_DH_anon_WITH_AES_128_GCM_SHA256"};
    boolean refused;
    try {
      SSLEngine server = engine(false, anon);
      SSLEngine client = engine(true, anon);
      EnginePeer s = new EnginePeer(server);
      EnginePeer c = new EnginePeer(client);
      for (int i = 0; i < 20 && (c.handshaking() || s.handshaking()); i++) {
        s.receive(c.takeNetOut());
        c.receive(s.takeNetOut());
      }
      refused = c.handshaking() || s.handshaking();
    } catch (IllegalArgumentException | SSLException | IllegalStateException e) {
      refused = true;
    }
    assertTrue(refused, "an anonymous suite was negotiated: the TLS* subtypes could now be offered");
  }

  private static SSLEngine engine(boolean client, String[] suites) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, null, null);
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(client);
    engine.setEnabledProtocols(new String[] {"TLSv1.2"});
    engine.setEnabledCipherSuites(suites);
    return engine;
  }
}
