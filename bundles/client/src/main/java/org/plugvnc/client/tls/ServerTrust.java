package org.plugvnc.client.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client's decision on a server certificate, as {@link TlsOptions} describes it: PKIX
 * against the trusted PEM certificates (or the JDK's store), then the pin. An
 * {@link X509ExtendedTrustManager}, so that the JDK's host name check runs inside the PKIX one.
 */
final class ServerTrust extends X509ExtendedTrustManager {

  private final X509ExtendedTrustManager pkix;
  private final String pin;

  private ServerTrust(X509ExtendedTrustManager pkix, String pin) {
    this.pkix = pkix;
    this.pin = pin == null ? null : normalise(pin);
  }

  /**
   * @param options the trust options
   * @param x509 true for X509 subtypes; false (anonymous TLS) checks only a pin
   * @return the trust manager; {@link #usesPkix()} tells whether host names can be checked
   */
  static ServerTrust of(TlsOptions options, boolean x509) throws IOException {
    if (!x509 || options.insecureTrustAnyCertificate()) {
      return new ServerTrust(null, x509 ? null : options.pinnedSha256());
    }
    if (options.trustedCertificates() == null && options.pinnedSha256() != null) {
      return new ServerTrust(null, options.pinnedSha256());
    }
    try {
      KeyStore store = null;
      if (options.trustedCertificates() != null) {
        store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        try (InputStream in = Files.newInputStream(options.trustedCertificates())) {
          for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            store.setCertificateEntry("trusted-" + i++, c);
          }
        }
        if (i == 0) {
          throw new IOException("no certificate in " + options.trustedCertificates());
        }
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(store);
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager) {
          return new ServerTrust((X509ExtendedTrustManager) tm, options.pinnedSha256());
        }
      }
      throw new IOException("the JDK offers no X509ExtendedTrustManager");
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read trusted certificates: " + e.getMessage(), e);
    }
  }

  /** @return whether a PKIX check (and so a host name check) takes place */
  boolean usesPkix() {
    return pkix != null;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    if (pkix != null) {
      pkix.checkServerTrusted(chain, authType, socket);
    }
    checkPin(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    if (pkix != null) {
      pkix.checkServerTrusted(chain, authType, engine);
    }
    checkPin(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (pkix != null) {
      pkix.checkServerTrusted(chain, authType);
    }
    checkPin(chain);
  }

  private void checkPin(X509Certificate[] chain) throws CertificateException {
    if (pin != null && !pin.equals(sha256(chain[0]))) {
      throw new CertificateException("server certificate " + sha256(chain[0])
          + " does not match the pinned SHA-256 " + pin);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("a client does not check clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("a client does not check clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("a client does not check clients");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return pkix == null ? new X509Certificate[0] : pkix.getAcceptedIssuers();
  }

  /** @return the SHA-256 of the certificate's DER encoding, lower-case hex */
  static String sha256(Certificate certificate) throws CertificateException {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new CertificateException("SHA-256 is not available", e);
    }
  }

  static String normalise(String fingerprint) {
    return fingerprint.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
  }
}
