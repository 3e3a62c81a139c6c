package org.plugvnc.security.vencrypt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * The ServerCertificate service's parts: its key manager serves a real TLS handshake that a client
 * trusting only the chain completes, and its fingerprint is the SHA-256 of the certificate.
 */
class PublishedCertificateTest {

  @Test
  void theKeyManagerServesTlsWithTheChainAndTheFingerprintIsItsSha256() throws Exception {
    ServerCredentials credentials = SelfSignedCertificate.generate("published.test", Set.of(), new SecureRandom());
    PublishedCertificate published = PublishedCertificate.of(credentials, new SecureRandom());

    byte[] digest = MessageDigest.getInstance("SHA-256").digest(credentials.chain()[0].getEncoded());
    String expected = HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
    assertEquals(expected, published.fingerprint());
    assertEquals(credentials.chain()[0], published.chain().get(0));
    assertFalse(published.toString().contains("PRIVATE"), published.toString());

    SSLContext server = SSLContext.getInstance("TLS");
    server.init(new KeyManager[] {published.keyManager()}, null, null);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", credentials.chain()[0]);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, tmf.getTrustManagers(), null);

    try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0)) {
      CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket s = (SSLSocket) listener.accept(); InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream()) {
          int b = in.read();
          out.write(b + 1);
          out.flush();
          return b;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", listener.getLocalPort())) {
        s.getOutputStream().write(41);
        s.getOutputStream().flush();
        assertEquals(42, s.getInputStream().read());
        assertArrayEquals(credentials.chain()[0].getEncoded(), s.getSession().getPeerCertificates()[0].getEncoded());
      }
      assertEquals(41, served.get(10, TimeUnit.SECONDS));
    }
  }
}
