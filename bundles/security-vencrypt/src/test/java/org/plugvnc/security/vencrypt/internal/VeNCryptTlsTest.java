package org.plugvnc.security.vencrypt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plugvnc.security.vencrypt.internal.Fixtures.bytes;
import static org.plugvnc.security.vencrypt.internal.Fixtures.concat;
import static org.plugvnc.security.vencrypt.internal.Fixtures.plain;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plugvnc.api.security.HandshakeResult;

/**
 * The X509 subtypes with a JDK TLS client in memory: it trusts only the generated certificate file
 * (as a viewer given it with {@code -X509CA} does) and checks the name {@code localhost}; TLS
 * starts right after the acknowledgement byte, and VNC Authentication or the Plain credentials run
 * inside it. A TLS 1.1 ClientHello written by hand from RFC 4346, garbage instead of a ClientHello,
 * and a ClientHello cut at every byte end or wait as they should.
 */
class VeNCryptTlsTest {

  @TempDir
  Path home;

  private final Fixtures.Verifier verifier = new Fixtures.Verifier();
  private VeNCryptSecurityFactory factory;

  @BeforeEach
  void generateTheCertificate() {
    factory = Fixtures.factory(home, TestConfig.DEFAULTS.withSubtypes("X509Vnc", "X509Plain", "X509None"), verifier);
  }

  @Test
  void x509VncRunsVncAuthenticationInsideTls13AndKeepsItsViewOnlyRights() throws Exception {
    ServerSide server = agreeOn(261);
    EnginePeer client = new EnginePeer(clientEngine("TLSv1.3", "TLSv1.2"));
    client.pump();
    // The choice and the ClientHello in one read, as a viewer that does not wait may send them.
    server.receive(concat(u32(261), client.takeNetOut()));
    byte[] reply = server.takeToClient();
    assertEquals(1, reply[0], "the acknowledgement, in clear, before TLS");
    client.receive(Arrays.copyOfRange(reply, 1, reply.length));
    exchange(client, server);
    assertFalse(client.handshaking());
    assertEquals("TLSv1.3", client.engine.getSession().getProtocol());
    assertArrayEquals(Fixtures.ScriptedVncAuth.CHALLENGE, client.takeAppIn(), "the challenge, inside TLS");
    assertEquals(HandshakeResult.Status.INCOMPLETE, server.result().status());

    client.send(Fixtures.ScriptedVncAuth.rightAnswer());
    exchange(client, server);
    assertEquals(HandshakeResult.Status.SUCCESS, server.result().status());
    assertTrue(server.result().identity().viewOnly(), "type 2's view-only verdict passes through");
  }

  @Test
  void x509PlainReadsTheCredentialsInsideTls12() throws Exception {
    ServerSide server = agreeOn(262);
    server.receive(u32(262));
    assertArrayEquals(bytes(1), server.takeToClient());
    EnginePeer client = new EnginePeer(clientEngine("TLSv1.2"));
    exchange(client, server);
    assertEquals("TLSv1.2", client.engine.getSession().getProtocol());
    String suite = client.engine.getSession().getCipherSuite();
    assertTrue(suite.startsWith("TLS_ECDHE_") && (suite.contains("_GCM_") || suite.contains("CHACHA20")), suite);

    client.send(plain(Fixtures.USER, Fixtures.PASSWORD));
    exchange(client, server);
    assertEquals(HandshakeResult.Status.SUCCESS, server.result().status());
    assertEquals(Fixtures.USER, server.result().identity().name());
    assertFalse(server.result().identity().viewOnly());
    assertEquals("test-worker", server.checkThread());
  }

  @Test
  void x509PlainWithAWrongPasswordFailsInsideTls() throws Exception {
    ServerSide server = agreeOn(262);
    server.receive(u32(262));
    server.takeToClient();
    EnginePeer client = new EnginePeer(clientEngine("TLSv1.3"));
    exchange(client, server);
    client.send(plain(Fixtures.USER, "not it"));
    exchange(client, server);
    assertEquals(HandshakeResult.Status.FAILURE, server.result().status());
  }

  @Test
  void x509NoneSucceedsWithFullRightsAndTheResultWaitsForTls() throws Exception {
    ServerSide server = agreeOn(260);
    server.receive(u32(260));
    assertArrayEquals(bytes(1), server.takeToClient());
    assertEquals(HandshakeResult.Status.SUCCESS, server.result().status());
    assertFalse(server.result().identity().viewOnly());
    EnginePeer client = new EnginePeer(clientEngine("TLSv1.3"));
    exchange(client, server);
    assertFalse(client.handshaking(), "the TLS handshake completes");
  }

  @Test
  void aClientHelloOfTls11IsRefusedWithAProtocolVersionAlert() throws Exception {
    ServerSide server = agreeOn(261);
    server.receive(u32(261));
    server.takeToClient();
    assertThrows(SSLHandshakeException.class, () -> server.receive(tls11ClientHello()));
    ByteBuffer alert = ByteBuffer.allocate(server.tls().engine.getSession().getPacketBufferSize());
    server.tls().engine.wrap(ByteBuffer.allocate(0), alert);
    alert.flip();
    byte[] a = Arrays.copyOf(alert.array(), alert.limit());
    assertEquals(7, a.length, Arrays.toString(a));
    assertEquals(21, a[0], "an alert record");
    assertArrayEquals(bytes(2, 70), Arrays.copyOfRange(a, 5, 7), "fatal protocol_version");
    assertEquals(HandshakeResult.Status.INCOMPLETE, server.result().status(), "nobody authenticated");
  }

  @Test
  void garbageInsteadOfAClientHelloEndsTls() throws Exception {
    ServerSide server = agreeOn(262);
    server.receive(u32(262));
    byte[] garbage = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThrows(SSLException.class, () -> server.receive(garbage));
    assertEquals(HandshakeResult.Status.INCOMPLETE, server.result().status());
    assertEquals(null, verifier.lastUser.get());
  }

  @Test
  void aClientHelloCutAtEveryByteOnlyWaits() throws Exception {
    ServerSide server = agreeOn(261);
    server.receive(u32(261));
    server.takeToClient();
    EnginePeer client = new EnginePeer(clientEngine("TLSv1.3"));
    client.pump();
    byte[] hello = client.takeNetOut();
    for (int i = 0; i < hello.length - 1; i++) {
      server.receive(new byte[] {hello[i]});
      assertEquals(0, server.takeToClient().length, "answered a ClientHello cut at byte " + (i + 1));
    }
    server.receive(new byte[] {hello[hello.length - 1]});
    client.receive(server.takeToClient());
    exchange(client, server);
    assertFalse(client.handshaking());
    assertArrayEquals(Fixtures.ScriptedVncAuth.CHALLENGE, client.takeAppIn());
  }

  @Test
  void onlyTls13And12AreEnabledWhateverIsConfigured() throws Exception {
    VeNCryptSecurityFactory old = Fixtures.factory(home,
        TestConfig.DEFAULTS.withProtocols("TLSv1", "TLSv1.1", "SSLv3", "TLSv1.2"), verifier);
    ServerSide server = new ServerSide().start(old);
    server.receive(concat(bytes(0, 2), u32(261)));
    assertEquals(List.of("TLSv1.2"), List.of(server.tls().engine.getEnabledProtocols()));
    assertTrue(Arrays.stream(server.tls().engine.getEnabledCipherSuites())
        .noneMatch(s -> s.contains("_CBC_") || s.contains("anon") || s.contains("NULL")));

    VeNCryptSecurityFactory none = Fixtures.factory(home, TestConfig.DEFAULTS.withProtocols("TLSv1.1"), verifier);
    assertEquals(List.of(), none.offered(), "no allowed protocol: no TLS, so no X509 subtype");
  }

  /** A handshake past the prelude, with the subtype list read. */
  private ServerSide agreeOn(int subtype) throws Exception {
    ServerSide server = new ServerSide().start(factory);
    server.receive(bytes(0, 2));
    byte[] list = server.takeToClient();
    assertEquals(0, list[2]);
    assertTrue(ByteBuffer.wrap(list, 4, list.length - 4).asIntBuffer().limit() > 0);
    return server;
  }

  /** A JDK client trusting only the PEM file a user would give a viewer, checking "localhost". */
  private SSLEngine clientEngine(String... protocols) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(home.resolve("data/vencrypt-cert.pem"))) {
      trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), new SecureRandom());
    SSLEngine engine = context.createSSLEngine("localhost", 5900);
    engine.setUseClientMode(true);
    SSLParameters p = engine.getSSLParameters();
    p.setProtocols(protocols);
    p.setEndpointIdentificationAlgorithm("HTTPS");
    engine.setSSLParameters(p);
    return engine;
  }

  private static void exchange(EnginePeer client, ServerSide server) throws Exception {
    for (int i = 0; i < 100; i++) {
      byte[] toServer = client.takeNetOut();
      byte[] toClient = server.takeToClient();
      if (toServer.length == 0 && toClient.length == 0) {
        return;
      }
      if (toServer.length > 0) {
        server.receive(toServer);
      }
      if (toClient.length > 0) {
        client.receive(toClient);
      }
    }
    throw new AssertionError("the TLS exchange does not settle");
  }

  private static byte[] u32(int v) {
    return ByteBuffer.allocate(4).putInt(v).array();
  }

  /**
   * A TLS 1.1 ClientHello (RFC 4346 7.4.1.2) with ECDHE-RSA and ECDHE-ECDSA AES-128-CBC-SHA and
   * RSA AES-128-CBC-SHA, the P-256 group and uncompressed points (RFC 4492), no supported_versions.
   */
  static byte[] tls11ClientHello() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    ByteBuffer body = ByteBuffer.allocate(256);
    body.put(bytes(3, 2)).put(random).put((byte) 0);
    body.put(bytes(0, 6, 0xC0, 0x13, 0xC0, 0x09, 0x00, 0x2F));
    body.put(bytes(1, 0));
    byte[] extensions = bytes(0x00, 0x0A, 0, 4, 0, 2, 0, 0x17, 0x00, 0x0B, 0, 2, 1, 0);
    body.putShort((short) extensions.length).put(extensions);
    body.flip();
    int n = body.remaining();
    ByteBuffer record = ByteBuffer.allocate(5 + 4 + n);
    record.put(bytes(22, 3, 2)).putShort((short) (4 + n));
    record.put((byte) 1).put((byte) 0).putShort((short) n).put(body);
    return record.array();
  }
}
