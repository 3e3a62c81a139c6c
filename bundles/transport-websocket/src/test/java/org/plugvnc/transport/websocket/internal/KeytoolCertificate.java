package org.plugvnc.transport.websocket.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import org.plugvnc.api.security.ServerCertificate;

/**
 * A server certificate for localhost made by the JDK's own {@code keytool}, as the VeNCrypt
 * bundle's service would offer one, and a client context that trusts it alone.
 */
final class KeytoolCertificate implements ServerCertificate {

  private static final char[] PASSWORD = "changeit".toCharArray();

  private final X509KeyManager keys;
  private final X509Certificate certificate;
  private final KeyStore store;

  private KeytoolCertificate(X509KeyManager keys, X509Certificate certificate, KeyStore store) {
    this.keys = keys;
    this.certificate = certificate;
    this.store = store;
  }

  static KeytoolCertificate generate(Path dir) throws Exception {
    Path file = dir.resolve("server.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p = new ProcessBuilder(keytool, "-genkeypair", "-keyalg", "EC", "-alias", "server",
        "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD),
        "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2")
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, PASSWORD);
    return new KeytoolCertificate((X509KeyManager) kmf.getKeyManagers()[0],
        (X509Certificate) store.getCertificate("server"), store);
  }

  @Override
  public X509KeyManager keyManager() {
    return keys;
  }

  @Override
  public List<X509Certificate> chain() {
    return List.of(certificate);
  }

  @Override
  public String fingerprint() {
    try {
      return HexFormat.ofDelimiter(":").withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client context trusting this certificate and nothing else. */
  SSLContext trustingClient() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", store.getCertificate("server"));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext c = SSLContext.getInstance("TLS");
    c.init(null, tmf.getTrustManagers(), null);
    return c;
  }
}
