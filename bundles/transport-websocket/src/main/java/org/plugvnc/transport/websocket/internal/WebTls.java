package org.plugvnc.transport.websocket.internal;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.plugvnc.api.security.ServerCertificate;

/**
 * The server side of https and wss: this bundle's own {@link SSLContext} of the JDK's provider,
 * made from a {@link ServerCertificate}'s key manager, so that browsers see the certificate
 * VeNCrypt viewers already trust. TLS 1.3 and 1.2 only, with ephemeral key exchange and AEAD
 * ciphers; no JVM-wide setting is touched.
 */
final class WebTls {

  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final SSLContext context;
  private final String[] suites;
  private final String fingerprint;

  private WebTls(SSLContext context, String[] suites, String fingerprint) {
    this.context = context;
    this.suites = suites;
    this.fingerprint = fingerprint;
  }

  /** A context presenting {@code certificate}. */
  static WebTls of(ServerCertificate certificate) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(new KeyManager[] {certificate.keyManager()}, null, null);
    return new WebTls(context, modernSuites(context.getDefaultSSLParameters().getCipherSuites()),
        certificate.fingerprint());
  }

  /** A fresh server-mode engine for one connection. */
  SSLEngine newEngine() {
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    SSLParameters p = engine.getSSLParameters();
    p.setProtocols(PROTOCOLS.clone());
    p.setCipherSuites(suites.clone());
    p.setUseCipherSuitesOrder(true);
    p.setNeedClientAuth(false);
    engine.setSSLParameters(p);
    return engine;
  }

  String fingerprint() {
    return fingerprint;
  }

  /** TLS 1.3's suites, and TLS 1.2's with ECDHE and an AEAD cipher, in the JDK's order. */
  static String[] modernSuites(String[] defaults) {
    List<String> result = new ArrayList<>();
    for (String s : defaults) {
      String u = s.toUpperCase(Locale.ROOT);
      boolean tls13 = u.startsWith("TLS_AES_") || u.startsWith("TLS_CHACHA20_");
      boolean aead = u.contains("_GCM_") || u.contains("CHACHA20_POLY1305");
      if (tls13 || (u.startsWith("TLS_ECDHE_") && aead)) {
        result.add(s);
      }
    }
    return result.toArray(String[]::new);
  }
}
