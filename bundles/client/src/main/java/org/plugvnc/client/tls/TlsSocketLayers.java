package org.plugvnc.client.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.plugvnc.client.RfbSecurityException;
import org.plugvnc.client.RfbSecurityException.Failure;
import org.plugvnc.client.protocol.SecurityLayers;

/**
 * Starts TLS on an open RFB socket: an {@link SSLSocket} layered over it
 * ({@code createSocket(socket, host, port, true)}, so closing the TLS socket closes the
 * connection), in client mode, with the trust of {@link TlsOptions}. Used by one handshake; then
 * {@link #socket()} is the socket the session reads and closes.
 */
public final class TlsSocketLayers implements SecurityLayers {

  private final String host;
  private final int port;
  private final TlsOptions options;
  private Socket socket;

  /**
   * @param socket the connected RFB socket
   * @param host the host name connected to (SNI and the host name check)
   * @param port the port connected to
   * @param options trust and protocol options
   */
  public TlsSocketLayers(Socket socket, String host, int port, TlsOptions options) {
    this.socket = socket;
    this.host = host;
    this.port = port;
    this.options = options;
  }

  /** @return the socket to go on with: the TLS socket once TLS started, else the plain one */
  public Socket socket() {
    return socket;
  }

  @Override
  public Tls startTls(boolean x509) throws IOException {
    ServerTrust trust = ServerTrust.of(options, x509);
    SSLSocket tls;
    try {
      SSLContext context = options.provider() == null ? SSLContext.getInstance("TLS")
          : SSLContext.getInstance("TLS", options.provider());
      context.init(null, new TrustManager[] {trust}, null);
      tls = (SSLSocket) context.getSocketFactory().createSocket(socket, host, port, true);
    } catch (GeneralSecurityException e) {
      throw new RfbSecurityException(Failure.TLS_FAILED, "no TLS context: " + e.getMessage(),
          List.of(), e);
    }
    socket = tls;
    tls.setUseClientMode(true);
    SSLParameters params = tls.getSSLParameters();
    if (!options.protocols().isEmpty()) {
      params.setProtocols(options.protocols().toArray(String[]::new));
    }
    params.setCipherSuites(suites(tls, x509));
    if (x509 && trust.usesPkix() && options.verifyHostname()) {
      params.setEndpointIdentificationAlgorithm("HTTPS");
    }
    tls.setSSLParameters(params);
    try {
      tls.startHandshake();
    } catch (SSLException e) {
      Failure failure = causedByCertificate(e) ? Failure.SERVER_NOT_TRUSTED : Failure.TLS_FAILED;
      throw new RfbSecurityException(failure, "TLS handshake: " + e.getMessage(), List.of(), e);
    }
    SSLSession session = tls.getSession();
    return new Tls(tls.getInputStream(), tls.getOutputStream(), session.getProtocol(),
        session.getCipherSuite(), peerSha256(session));
  }

  /** Explicit suites, or the defaults; with a provider, its anonymous suites for TLS subtypes. */
  private String[] suites(SSLSocket tls, boolean x509) {
    if (!options.cipherSuites().isEmpty()) {
      return options.cipherSuites().toArray(String[]::new);
    }
    Set<String> suites = new LinkedHashSet<>();
    if (!x509 && options.provider() != null) {
      Arrays.stream(tls.getSupportedCipherSuites()).filter(s -> s.contains("_anon_"))
          .forEach(suites::add);
    }
    suites.addAll(Arrays.asList(tls.getEnabledCipherSuites()));
    return suites.toArray(String[]::new);
  }

  private static boolean causedByCertificate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return true;
      }
    }
    return false;
  }

  private static String peerSha256(SSLSession session) {
    try {
      Certificate[] chain = session.getPeerCertificates();
      return chain.length == 0 ? null : ServerTrust.sha256(chain[0]);
    } catch (SSLPeerUnverifiedException | CertificateException anonymous) {
      return null;
    }
  }
}
