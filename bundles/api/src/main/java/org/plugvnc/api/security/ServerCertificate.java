package org.plugvnc.api.security;

import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.X509KeyManager;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's TLS certificate and its key, registered as a service by the bundle that holds them
 * (VeNCrypt's, configured or generated at its first start) so that other TLS listeners (wss and
 * https) present the same certificate a viewer already trusts. Thread-safe.
 *
 * @since 1.4
 */
@ProviderType
public interface ServerCertificate {

  /** A key manager that chooses this certificate and key, for an {@code SSLContext}. */
  X509KeyManager keyManager();

  /** The certificate chain, the server's own certificate first. */
  List<X509Certificate> chain();

  /** The SHA-256 fingerprint of the server's certificate, as hex pairs joined by colons. */
  String fingerprint();
}
