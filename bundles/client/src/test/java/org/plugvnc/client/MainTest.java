package org.plugvnc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.protocol.SecurityOptions;

/** The command line's security options reach the builder. */
class MainTest {

  @Test
  void securityOptions() {
    RfbClientBuilder b = RfbClient.builder();
    for (String arg : new String[] {"--security=VeNCrypt,RA2_256,2", "--vencrypt=X509Vnc,257",
        "--username=alice", "--ca=server.pem", "--pin=AB:CD", "--no-verify-hostname",
        "--tls-protocols=TLSv1.2,TLSv1.3", "--rsa-key-bits=1025"}) {
      Main.option(b, arg);
    }
    SecurityOptions s = b.handshakeOptions().security();
    assertEquals(List.of(19, 129, 2), s.securityTypes());
    assertEquals(List.of(261, 257), s.veNCryptSubtypes());
    assertEquals("alice", s.username());
    assertEquals(1025, s.rsaKeyBits());
    assertEquals(Path.of("server.pem"), b.tls.trustedCertificates());
    assertEquals("AB:CD", b.tls.pinnedSha256());
    assertFalse(b.tls.verifyHostname());
    assertFalse(b.tls.insecureTrustAnyCertificate());
    assertEquals(List.of("TLSv1.2", "TLSv1.3"), b.tls.protocols());
    Main.option(b, "--insecure-trust-any");
    assertTrue(b.tls.insecureTrustAnyCertificate());
  }

  @Test
  void badOptionsAreRefused() {
    RfbClientBuilder b = RfbClient.builder();
    assertThrows(IllegalArgumentException.class, () -> Main.option(b, "--nope"));
    assertThrows(IllegalArgumentException.class, () -> Main.option(b, "--security="));
    assertThrows(IllegalArgumentException.class, () -> Main.option(b, "--security=Bogus"));
  }
}
