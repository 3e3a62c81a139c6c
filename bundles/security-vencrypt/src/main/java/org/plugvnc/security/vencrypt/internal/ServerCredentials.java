package org.plugvnc.security.vencrypt.internal;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/**
 * The server's TLS identity: its private key and certificate chain (the server's own certificate
 * first), where it came from, and the file a user can hand a viewer to trust it.
 *
 * @param key the private key; never logged
 * @param chain the certificate chain, the server's certificate first
 * @param source where the key and chain were read from, for the log
 * @param publicCertificate a PEM file holding the server's certificate, or null when there is none
 */
record ServerCredentials(PrivateKey key, X509Certificate[] chain, String source, Path publicCertificate) {

  /** The SHA-256 fingerprint of the server's certificate, as colon-separated upper-case hex. */
  String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
      StringBuilder sb = new StringBuilder(digest.length * 3);
      for (byte b : digest) {
        if (sb.length() > 0) {
          sb.append(':');
        }
        sb.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint the certificate", e);
    }
  }

  /** Neither the key nor the chain: only where they came from. */
  @Override
  public String toString() {
    return "ServerCredentials[" + source + ", " + chain[0].getSubjectX500Principal() + "]";
  }
}
