package org.plugvnc.client.tls;

import java.nio.file.Path;
import java.security.Provider;
import java.util.List;

/**
 * Whom the client trusts and what it offers when VeNCrypt starts TLS.
 *
 * <p>X509 subtypes: the server's certificate chain must lead to a certificate in
 * {@code trustedCertificates} (a CA or the server's own, self-signed) and name the host
 * connected to (unless {@code verifyHostname} is false), and/or its leaf certificate's SHA-256
 * must equal {@code pinnedSha256}. With neither, the JDK's default trust store decides. TLS
 * subtypes are anonymous by definition: a certificate the server may send is not checked, except
 * against {@code pinnedSha256} when set.
 *
 * @param trustedCertificates a PEM file of certificates to trust, or null
 * @param pinnedSha256 the SHA-256 fingerprint (hex; colons, spaces and case ignored) the server's
 *        certificate must have, or null
 * @param insecureTrustAnyCertificate accept any certificate for X509 subtypes: only for tests of
 *        a server's refusal paths, never for a real connection
 * @param verifyHostname whether a CA-trusted certificate must name the host (default true)
 * @param protocols TLS versions to offer, e.g. {@code TLSv1.3}; empty: the provider's defaults
 * @param cipherSuites cipher suites to offer; empty: the provider's defaults, plus its anonymous
 *        (EC)DH suites for the TLS subtypes when {@code provider} is set
 * @param provider a JSSE provider instance to take the {@code SSLContext} from, for this
 *        connection only (never installed); its anonymous suites are offered for the TLS
 *        subtypes where it allows them. The JDK's and BouncyCastle's JSSE (which reads the same
 *        {@code jdk.tls.disabledAlgorithms}) do not. Null: the JDK's
 */
public record TlsOptions(Path trustedCertificates, String pinnedSha256,
    boolean insecureTrustAnyCertificate, boolean verifyHostname, List<String> protocols,
    List<String> cipherSuites, Provider provider) {

  /** The JDK's trust store and defaults, host names verified. */
  public static final TlsOptions DEFAULT =
      new TlsOptions(null, null, false, true, List.of(), List.of(), null);

  /** Copies the lists. */
  public TlsOptions {
    protocols = List.copyOf(protocols);
    cipherSuites = List.copyOf(cipherSuites);
  }

  /** @return these options trusting the certificates in {@code pemFile} */
  public TlsOptions withTrustedCertificates(Path pemFile) {
    return new TlsOptions(pemFile, pinnedSha256, insecureTrustAnyCertificate, verifyHostname,
        protocols, cipherSuites, provider);
  }

  /** @return these options pinning the server's certificate to {@code sha256} */
  public TlsOptions withPinnedSha256(String sha256) {
    return new TlsOptions(trustedCertificates, sha256, insecureTrustAnyCertificate,
        verifyHostname, protocols, cipherSuites, provider);
  }

  /** @return these options accepting any server certificate (tests of refusals only) */
  public TlsOptions withInsecureTrustAnyCertificate(boolean trustAny) {
    return new TlsOptions(trustedCertificates, pinnedSha256, trustAny, verifyHostname,
        protocols, cipherSuites, provider);
  }

  /** @return these options with host name verification on or off */
  public TlsOptions withVerifyHostname(boolean verify) {
    return new TlsOptions(trustedCertificates, pinnedSha256, insecureTrustAnyCertificate, verify,
        protocols, cipherSuites, provider);
  }

  /** @return these options offering only {@code versions} (e.g. {@code "TLSv1.1"}) */
  public TlsOptions withProtocols(List<String> versions) {
    return new TlsOptions(trustedCertificates, pinnedSha256, insecureTrustAnyCertificate,
        verifyHostname, versions, cipherSuites, provider);
  }

  /** @return these options offering only {@code suites} */
  public TlsOptions withCipherSuites(List<String> suites) {
    return new TlsOptions(trustedCertificates, pinnedSha256, insecureTrustAnyCertificate,
        verifyHostname, protocols, suites, provider);
  }

  /** @return these options taking TLS from {@code jsseProvider} (this connection only) */
  public TlsOptions withProvider(Provider jsseProvider) {
    return new TlsOptions(trustedCertificates, pinnedSha256, insecureTrustAnyCertificate,
        verifyHostname, protocols, cipherSuites, jsseProvider);
  }
}
