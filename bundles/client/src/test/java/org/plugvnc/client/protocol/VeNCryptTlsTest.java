package org.plugvnc.client.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plugvnc.client.Bell;
import org.plugvnc.client.RfbClient;
import org.plugvnc.client.RfbClientBuilder;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbSecurityException;
import org.plugvnc.client.RfbSecurityException.Failure;

/**
 * VeNCrypt's TLS and X509 subtypes against a scripted server written from rfbproto's VeNCrypt
 * section: the prelude by hand, then the JDK's TLS in server mode with a bcpkix certificate.
 */
class VeNCryptTlsTest {

  private static final byte[] CHALLENGE = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @TempDir
  static Path dir;
  private static TestCertificates localhost;
  private static TestCertificates other;
  private static Path localhostPem;
  private static Path otherPem;

  @BeforeAll
  static void certificates() throws Exception {
    localhost = TestCertificates.selfSigned("localhost", "127.0.0.1");
    other = TestCertificates.selfSigned("other.example", null);
    localhostPem = localhost.writePem(dir);
    otherPem = other.writePem(dir);
  }

  /** What the scripted server does once TLS is up. */
  interface AfterTls {
    void run(ServerWire tls) throws Exception;
  }

  /**
   * The server's prelude: type 19, version 0.2 and its ack, the subtypes, the client's choice
   * (asserted), the TLS ack, TLS with {@code cert}, then {@code after}.
   */
  private static ScriptedServer server(TestCertificates cert, int expectedChoice, AfterTls after,
      String... protocols) throws IOException {
    return new ScriptedServer(s -> {
      ServerWire w = new ServerWire(s.getInputStream(), s.getOutputStream());
      assertEquals(RfbNumbers.SECURITY_VENCRYPT, w.versionAndTypes(2, 19));
      w.out.write(new byte[] {0, 2});
      w.out.flush();
      assertArrayEquals(new byte[] {0, 2}, w.in.readNBytes(2));
      w.out.write(0);
      w.out.write(3);
      w.out.writeInt(RfbNumbers.VENCRYPT_TLS_NONE);
      w.out.writeInt(expectedChoice);
      w.out.writeInt(RfbNumbers.VENCRYPT_PLAIN);
      w.out.flush();
      int chosen = w.in.readInt();
      assertEquals(expectedChoice, chosen);
      w.out.write(1);
      w.out.flush();
      SSLSocket tls = serverTls(s, cert.serverContext(), protocols);
      try {
        tls.startHandshake();
      } catch (IOException refusedByClient) {
        return;
      }
      after.run(new ServerWire(tls.getInputStream(), tls.getOutputStream()));
    });
  }

  private static SSLSocket serverTls(Socket s, SSLContext ctx, String... protocols)
      throws IOException {
    SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(s, null, s.getPort(), true);
    tls.setUseClientMode(false);
    if (protocols.length > 0) {
      tls.setEnabledProtocols(protocols);
    }
    return tls;
  }

  private static RfbClientBuilder client(ScriptedServer server, int subtype) {
    return RfbClient.builder().port(server.port()).readTimeout(Duration.ofSeconds(10))
        .securityTypes(RfbNumbers.SECURITY_VENCRYPT).veNCryptSubtypes(subtype);
  }

  private static void vncAuthThenInit(ServerWire t, String password) throws Exception {
    t.out.write(CHALLENGE);
    t.out.flush();
    assertArrayEquals(VncAuthenticationTest.independentResponse(CHALLENGE, password),
        t.in.readNBytes(16));
    t.ok();
    t.init();
  }

  @Test
  void x509VncWithTrustedCertificate() throws Exception {
    try (ScriptedServer server = server(localhost, RfbNumbers.VENCRYPT_X509_VNC, t -> {
      vncAuthThenInit(t, "s3cret");
      t.out.write(RfbNumbers.SERVER_BELL);
      t.out.flush();
      assertEquals(RfbNumbers.CLIENT_KEY_EVENT, t.in.readUnsignedByte());
    })) {
      try (RfbClient c = client(server, RfbNumbers.VENCRYPT_X509_VNC).password("s3cret")
          .trustCertificates(localhostPem).connect()) {
        assertEquals(RfbNumbers.SECURITY_VENCRYPT, c.securityType());
        assertEquals(RfbNumbers.VENCRYPT_X509_VNC, c.security().subtype());
        assertEquals(localhost.sha256(), c.security().serverFingerprint());
        assertNotNull(c.security().tlsCipherSuite());
        assertEquals("sec", c.serverInit().name());
        // the session goes on over TLS
        c.nextMessage(Duration.ofSeconds(5));
        assertEquals(1, c.bellCount());
        c.keyEvent(true, 'a');
      }
      server.await();
    }
  }

  @Test
  void x509PlainSendsCredentialsInsideTls() throws Exception {
    try (ScriptedServer server = server(localhost, RfbNumbers.VENCRYPT_X509_PLAIN, t -> {
      assertEquals(5, t.in.readInt());
      assertEquals(6, t.in.readInt());
      assertEquals("alice", t.text(5));
      assertEquals("pässw", t.text(6));
      t.ok();
      t.init();
    })) {
      try (RfbClient c = client(server, RfbNumbers.VENCRYPT_X509_PLAIN).username("alice")
          .password("pässw").pinCertificateSha256(localhost.sha256().toUpperCase()).connect()) {
        assertEquals(RfbNumbers.VENCRYPT_X509_PLAIN, c.security().subtype());
      }
      server.await();
    }
  }

  @Test
  void wrongPasswordReportsTheServersReason() throws Exception {
    try (ScriptedServer server = server(localhost, RfbNumbers.VENCRYPT_X509_NONE,
        t -> t.fail("not today"))) {
      RfbSecurityException e = assertThrows(RfbSecurityException.class,
          () -> client(server, RfbNumbers.VENCRYPT_X509_NONE).trustCertificates(localhostPem)
              .connect());
      assertEquals(Failure.AUTHENTICATION_FAILED, e.failure());
      assertEquals("not today", e.serverReason());
      server.await();
    }
  }

  @Test
  void untrustedCertificateIsRefused() throws Exception {
    try (ScriptedServer server = server(localhost, RfbNumbers.VENCRYPT_X509_NONE, t -> {
      throw new AssertionError("TLS must not complete");
    })) {
      RfbSecurityException e = assertThrows(RfbSecurityException.class,
          () -> client(server, RfbNumbers.VENCRYPT_X509_NONE).trustCertificates(otherPem)
              .connect());
      assertEquals(Failure.SERVER_NOT_TRUSTED, e.failure());
      server.await();
    }
  }

  @Test
  void wrongPinIsRefused() throws Exception {
    try (ScriptedServer server = server(localhost, RfbNumbers.VENCRYPT_X509_NONE, t -> {
      throw new AssertionError("TLS must not complete");
    })) {
      RfbSecurityException e = assertThrows(RfbSecurityException.class,
          () -> client(server, RfbNumbers.VENCRYPT_X509_NONE).pinCertificateSha256(other.sha256())
              .connect());
      assertEquals(Failure.SERVER_NOT_TRUSTED, e.failure());
      server.await();
    }
  }

  @Test
  void certificateForAnotherHostIsRefusedUnlessHostNamesAreNotChecked() throws Exception {
    try (ScriptedServer server = server(other, RfbNumbers.VENCRYPT_X509_NONE, t -> {
      throw new AssertionError("TLS must not complete");
    })) {
      RfbSecurityException e = assertThrows(RfbSecurityException.class,
          () -> client(server, RfbNumbers.VENCRYPT_X509_NONE).trustCertificates(otherPem)
              .connect());
      assertEquals(Failure.SERVER_NOT_TRUSTED, e.failure());
      server.await();
    }
    try (ScriptedServer server = server(other, RfbNumbers.VENCRYPT_X509_NONE, t -> {
      t.ok();
      t.init();
    })) {
      RfbClientBuilder b = client(server, RfbNumbers.VENCRYPT_X509_NONE);
      b.tls(org.plugvnc.client.tls.TlsOptions.DEFAULT.withTrustedCertificates(otherPem)
          .withVerifyHostname(false));
      try (RfbClient c = b.connect()) {
        assertEquals(other.sha256(), c.security().serverFingerprint());
      }
      server.await();
    }
  }

  @Test
  void insecureTrustAnyAcceptsAnUnknownCertificate() throws Exception {
    try (ScriptedServer server = server(other, RfbNumbers.VENCRYPT_X509_NONE, t -> {
      t.ok();
      t.init();
    })) {
      try (RfbClient c = client(server, RfbNumbers.VENCRYPT_X509_NONE)
          .insecureTrustAnyCertificate().connect()) {
        assertEquals(RfbNumbers.VENCRYPT_X509_NONE, c.security().subtype());
      }
      server.await();
    }
  }

  @Test
  void tlsNoneDoesNotAuthenticateTheServer() throws Exception {
    // The JDK has no anonymous suites enabled; a server with a certificate still serves TLSNone,
    // and the client, by the subtype's definition, does not check it.
    try (ScriptedServer server = server(other, RfbNumbers.VENCRYPT_TLS_NONE, t -> {
      t.ok();
      t.init();
    })) {
      try (RfbClient c = client(server, RfbNumbers.VENCRYPT_TLS_NONE).connect()) {
        assertEquals(RfbNumbers.VENCRYPT_TLS_NONE, c.security().subtype());
      }
      server.await();
    }
  }

  @Test
  void tlsProtocolsRestrictTheVersion() throws Exception {
    try (ScriptedServer server = server(localhost, RfbNumbers.VENCRYPT_TLS_VNC,
        t -> vncAuthThenInit(t, "pw"))) {
      try (RfbClient c = client(server, RfbNumbers.VENCRYPT_TLS_VNC).password("pw")
          .tlsProtocols("TLSv1.2").connect()) {
        assertEquals("TLSv1.2", c.security().tlsProtocol());
      }
      server.await();
    }
  }

  @Test
  void noCommonTlsVersionIsATlsFailure() throws Exception {
    try (ScriptedServer server = server(localhost, RfbNumbers.VENCRYPT_X509_NONE, t -> {
      throw new AssertionError("TLS must not complete");
    }, "TLSv1.3")) {
      RfbSecurityException e = assertThrows(RfbSecurityException.class,
          () -> client(server, RfbNumbers.VENCRYPT_X509_NONE).trustCertificates(localhostPem)
              .tlsProtocols("TLSv1.2").connect());
      assertEquals(Failure.TLS_FAILED, e.failure());
      assertNull(e.serverReason());
      server.await();
    }
  }
}
