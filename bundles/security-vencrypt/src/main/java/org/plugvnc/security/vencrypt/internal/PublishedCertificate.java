package org.plugvnc.security.vencrypt.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import javax.net.ssl.X509KeyManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.plugvnc.api.security.ServerCertificate;

/**
 * VeNCrypt's certificate as a {@link ServerCertificate} service, so that https and wss present the
 * certificate VeNCrypt viewers already trust. Registered while VeNCrypt has a certificate, with
 * its fingerprint as the service property {@value #FINGERPRINT}; a new certificate (the
 * configuration names other files) is a new service, and none is left once the component stops.
 *
 * @param keyManager presents the key and chain
 * @param chain the chain, the server's certificate first
 * @param fingerprint the SHA-256 fingerprint of the server's certificate
 */
record PublishedCertificate(X509KeyManager keyManager, List<X509Certificate> chain, String fingerprint)
    implements ServerCertificate {

  /** The service property holding the fingerprint. */
  static final String FINGERPRINT = "fingerprint";

  /** The service for {@code credentials}. */
  static PublishedCertificate of(ServerCredentials credentials, SecureRandom random)
      throws GeneralSecurityException {
    return new PublishedCertificate(TlsEndpoint.keyManager(credentials, random),
        List.of(credentials.chain()), credentials.fingerprint());
  }

  /** Only the fingerprint: never the key. */
  @Override
  public String toString() {
    return "ServerCertificate[" + fingerprint + "]";
  }

  /** Keeps at most one registration, the current certificate's. Not thread-safe: DS serializes. */
  static final class Publisher {
    private final BundleContext context;
    private ServiceRegistration<ServerCertificate> registration;
    private String published;

    /** @param context where to register; null (unit tests) registers nothing */
    Publisher(BundleContext context) {
      this.context = context;
    }

    /** Registers {@code certificate} unless it is the one registered; null withdraws. */
    void publish(PublishedCertificate certificate) {
      if (certificate != null && certificate.fingerprint().equals(published)) {
        return;
      }
      withdraw();
      if (certificate == null || context == null) {
        return;
      }
      Dictionary<String, Object> props = new Hashtable<>();
      props.put(FINGERPRINT, certificate.fingerprint());
      registration = context.registerService(ServerCertificate.class, certificate, props);
      published = certificate.fingerprint();
    }

    void withdraw() {
      if (registration != null) {
        try {
          registration.unregister();
        } catch (IllegalStateException e) {
          // the bundle is stopping and took it already
        }
        registration = null;
      }
      published = null;
    }
  }
}
