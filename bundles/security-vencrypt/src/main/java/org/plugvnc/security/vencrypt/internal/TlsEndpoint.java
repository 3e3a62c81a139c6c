package org.plugvnc.security.vencrypt.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509KeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of TLS for the X509 subtypes: one {@link SSLContext} of the JDK's provider with
 * the server's key, and a fresh server-mode {@link SSLEngine} per connection limited to TLS 1.3 and
 * 1.2 and to the JDK's modern suites (TLS 1.3's, and TLS 1.2's with ephemeral key exchange and an
 * AEAD cipher). Nothing here changes a JVM-wide setting: the context is this bundle's own.
 */
final class TlsEndpoint {

  /** The only protocols that can be enabled, strongest first. */
  static final List<String> ALLOWED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private static final Logger LOG = LoggerFactory.getLogger(TlsEndpoint.class);

  private final SSLContext context;
  private final String[] protocols;
  private final String[] cipherSuites;

  private TlsEndpoint(SSLContext context, String[] protocols, String[] cipherSuites) {
    this.context = context;
    this.protocols = protocols;
    this.cipherSuites = cipherSuites;
  }

  /** A session lifetime above TLS 1.3's 7-day ticket limit, so that the JDK sends no ticket. */
  static final int NO_TICKETS_SESSION_SECONDS = 7 * 24 * 3600 + 1;

  /**
   * A context serving {@code credentials} with the {@code configured} protocols that are allowed;
   * the others are logged and left out.
   *
   * @throws GeneralSecurityException if the key cannot be used, or no allowed protocol is configured
   */
  static TlsEndpoint create(ServerCredentials credentials, String[] configured, SecureRandom random)
      throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(new KeyManager[] {keyManager(credentials, random)}, null, random);
    // No TLS 1.3 session tickets: the JDK sends none when the session lifetime is above the
    // 7 days a ticket may live (RFC 8446 4.6.1). TigerVNC 1.12 reads a NewSessionTicket and the
    // first application data in one go, keeps the data inside GnuTLS and waits for the socket:
    // X509Vnc's challenge and X509None's SecurityResult never reached it. A viewer reconnects
    // with a full handshake, which a VNC session's length makes no matter.
    context.getServerSessionContext().setSessionTimeout(NO_TICKETS_SESSION_SECONDS);
    String[] protocols = protocols(configured, context.getSupportedSSLParameters().getProtocols());
    String[] suites = modernSuites(context.getDefaultSSLParameters().getCipherSuites());
    return new TlsEndpoint(context, protocols, suites);
  }

  /**
   * A key manager that presents {@code credentials}: the JDK's, over an in-memory PKCS#12 store
   * whose throwaway password is wiped once the manager holds the key. Also what the {@link
   * org.plugvnc.api.security.ServerCertificate} service hands to other TLS listeners.
   */
  static X509KeyManager keyManager(ServerCredentials credentials, SecureRandom random)
      throws GeneralSecurityException {
    char[] password = new char[16];
    for (int i = 0; i < password.length; i++) {
      password[i] = (char) ('a' + random.nextInt(26));
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", credentials.key(), password, credentials.chain());
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      for (KeyManager k : keys.getKeyManagers()) {
        if (k instanceof X509KeyManager x509) {
          return x509;
        }
      }
      throw new GeneralSecurityException("no X.509 key manager");
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** A server-mode engine for one connection. */
  SSLEngine newEngine() {
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    SSLParameters parameters = engine.getSSLParameters();
    parameters.setProtocols(protocols.clone());
    parameters.setCipherSuites(cipherSuites.clone());
    parameters.setUseCipherSuitesOrder(true);
    parameters.setNeedClientAuth(false);
    engine.setSSLParameters(parameters);
    return engine;
  }

  String[] protocols() {
    return protocols.clone();
  }

  String[] cipherSuites() {
    return cipherSuites.clone();
  }

  private static String[] protocols(String[] configured, String[] supported) throws GeneralSecurityException {
    List<String> supportedList = Arrays.asList(supported);
    List<String> result = new ArrayList<>();
    for (String p : VeNCrypt.entries(configured)) {
      String name = p.trim();
      if (name.isEmpty()) {
        continue;
      }
      if (!ALLOWED_PROTOCOLS.contains(name)) {
        LOG.warn("VeNCrypt: TLS protocol {} is not allowed (only {}); it stays disabled", name, ALLOWED_PROTOCOLS);
      } else if (!supportedList.contains(name)) {
        LOG.warn("VeNCrypt: this JVM does not support {}", name);
      } else if (!result.contains(name)) {
        result.add(name);
      }
    }
    if (result.isEmpty()) {
      throw new GeneralSecurityException("no allowed TLS protocol is configured (allowed: " + ALLOWED_PROTOCOLS + ")");
    }
    return result.toArray(String[]::new);
  }

  /**
   * TLS 1.3's suites, and TLS 1.2's with ECDHE or DHE and AES-GCM or ChaCha20-Poly1305, in the
   * JDK's order of preference.
   */
  static String[] modernSuites(String[] defaults) {
    List<String> result = new ArrayList<>();
    for (String s : defaults) {
      String u = s.toUpperCase(Locale.ROOT);
      boolean tls13 = u.startsWith("TLS_AES_") || u.startsWith("TLS_CHACHA20_");
      boolean ephemeral = u.startsWith("TLS_ECDHE_") || u.startsWith("TLS_DHE_");
      boolean aead = u.contains("_GCM_") || u.contains("CHACHA20_POLY1305");
      if (tls13 || (ephemeral && aead)) {
        result.add(s);
      }
    }
    return result.toArray(String[]::new);
  }
}
