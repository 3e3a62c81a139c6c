package org.plugvnc.security.vencrypt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the server's certificate comes from: generated once at the first start (key owner-only, a
 * public PEM, the fingerprint printed once), a PKCS#12 keystore with a password file, PEM files; a
 * configuration change reloads it; a broken configuration offers no X509 subtype rather than a
 * certificate nobody chose.
 */
class CertificateStoreTest {

  @TempDir
  Path home;

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final Fixtures.Verifier verifier = new Fixtures.Verifier();

  private VeNCryptSecurityFactory factory(TestConfig config) {
    return new VeNCryptSecurityFactory(home, config, new PrintStream(console, true, StandardCharsets.UTF_8),
        new Fixtures.ScriptedVncAuth(), verifier);
  }

  @Test
  void aFreshInstallGeneratesAnOwnerOnlyKeyAndAPublicCertificateAndPrintsItsFingerprintOnce() throws Exception {
    factory(TestConfig.DEFAULTS);
    Path key = home.resolve("data/vencrypt-key.pem");
    Path cert = home.resolve("data/vencrypt-cert.pem");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----\n"));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(cert)));

    X509Certificate certificate = read(cert);
    certificate.verify(certificate.getPublicKey()); // self-signed
    assertEquals("EC", certificate.getPublicKey().getAlgorithm());
    assertTrue(certificate.getBasicConstraints() >= 0, "its own CA, for -X509CA");
    Set<String> names = certificate.getSubjectAlternativeNames().stream()
        .map(n -> n.get(1).toString()).collect(Collectors.toSet());
    assertTrue(names.contains("localhost"), names.toString());
    assertTrue(names.contains("127.0.0.1"), names.toString());
    assertTrue(names.stream().anyMatch(n -> n.startsWith("0:0:0:0:0:0:0:1")), names.toString());
    assertTrue(names.contains(SelfSignedCertificate.hostName()), names.toString());
    assertTrue(certificate.getSubjectX500Principal().getName().startsWith("CN="));

    String printed = console.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains(fingerprint(certificate)), printed);
    assertTrue(printed.contains("-X509CA=" + cert.toAbsolutePath()), printed);
    assertFalse(printed.contains("PRIVATE KEY"), printed);

    console.reset();
    factory(TestConfig.DEFAULTS);
    assertEquals("", console.toString(StandardCharsets.UTF_8), "generated once, then read");
    assertEquals(fingerprint(certificate), fingerprint(read(cert)));
  }

  @Test
  void theInterfaceAddressesAreNamed() throws Exception {
    Set<InetAddress> addresses = SelfSignedCertificate.addresses();
    assertTrue(addresses.contains(InetAddress.getByName("127.0.0.1")));
    assertTrue(addresses.contains(InetAddress.getByName("::1")));
    ServerCredentials c = SelfSignedCertificate.generate("example.test", addresses, new SecureRandom());
    assertEquals(addresses.size() + 2, c.chain()[0].getSubjectAlternativeNames().size());
  }

  @Test
  void aConfiguredKeystoreIsUsedAndAChangeReloadsIt() throws Exception {
    VeNCryptSecurityFactory f = factory(TestConfig.DEFAULTS);
    String generated = fingerprint(read(home.resolve("data/vencrypt-cert.pem")));

    ServerCredentials other = SelfSignedCertificate.generate("other.test", Set.of(), new SecureRandom());
    char[] password = "keystore-pass".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("vnc", other.key(), password, other.chain());
    Path file = home.resolve("server.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password);
    }
    Files.writeString(home.resolve("p12.pass"), "keystore-pass\n");

    f.modified(TestConfig.DEFAULTS.withKeystore("server.p12", "p12.pass"));
    ServerSide server = new ServerSide().start(f);
    server.receive(Fixtures.bytes(0, 2, 0, 0, 1, 5));
    assertEquals(List.of(261, 262), f.offered());
    X509Certificate served = (X509Certificate) handshakeCertificate(server);
    assertEquals(fingerprint(other.chain()[0]), fingerprint(served));
    assertNotEquals(generated, fingerprint(served));
  }

  @Test
  void configuredPemFilesAreUsed() throws Exception {
    ServerCredentials other = SelfSignedCertificate.generate("pem.test", Set.of(), new SecureRandom());
    Files.writeString(home.resolve("cert.pem"), PemFiles.encode("CERTIFICATE", other.chain()[0].getEncoded()));
    Files.writeString(home.resolve("key.pem"), PemFiles.encode("PRIVATE KEY", other.key().getEncoded()));
    VeNCryptSecurityFactory f = factory(TestConfig.DEFAULTS.withPem("cert.pem", "key.pem"));
    assertEquals(List.of(261, 262), f.offered());
    assertFalse(Files.exists(home.resolve("data/vencrypt-cert.pem")), "nothing generated");
    ServerSide server = new ServerSide().start(f);
    server.receive(Fixtures.bytes(0, 2, 0, 0, 1, 5));
    assertEquals(fingerprint(other.chain()[0]), fingerprint((X509Certificate) handshakeCertificate(server)));
  }

  @Test
  void aBrokenConfigurationOffersNoX509SubtypeAndGeneratesNothing() throws Exception {
    Files.writeString(home.resolve("cert.pem"), "not a certificate");
    assertEquals(List.of(), factory(TestConfig.DEFAULTS.withPem("cert.pem", "")).offered());
    assertEquals(List.of(), factory(TestConfig.DEFAULTS.withPem("cert.pem", "missing.pem")).offered());
    assertEquals(List.of(), factory(TestConfig.DEFAULTS.withKeystore("missing.p12", "")).offered());
    assertFalse(Files.exists(home.resolve("data/vencrypt-cert.pem")));
    assertEquals(List.of(256), factory(TestConfig.DEFAULTS.withPem("cert.pem", "")
        .withSubtypes("X509Vnc", "Plain").allowingPlain()).offered(), "Plain needs no certificate");
  }

  /** Runs a JDK client trusting everything against the server and returns what it was shown. */
  private static java.security.cert.Certificate handshakeCertificate(ServerSide server) throws Exception {
    javax.net.ssl.TrustManager trustAll = new javax.net.ssl.X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(null, new javax.net.ssl.TrustManager[] {trustAll}, new SecureRandom());
    javax.net.ssl.SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(true);
    EnginePeer client = new EnginePeer(engine);
    server.takeToClient();
    for (int i = 0; i < 50 && client.handshaking(); i++) {
      server.receive(client.takeNetOut());
      client.receive(server.takeToClient());
    }
    return engine.getSession().getPeerCertificates()[0];
  }

  private static X509Certificate read(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  /** The fingerprint as a viewer shows it, computed here from the DER bytes. */
  private static String fingerprint(X509Certificate c) throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
  }
}
