package org.plugvnc.client.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What the handshake needs from the connection below it to start TLS in the middle of the RFB
 * stream (VeNCrypt's TLS and X509 subtypes). The handshake itself stays free of sockets: the
 * client's socket code implements this, a test over literal bytes uses {@link #NONE}.
 */
public interface SecurityLayers {

  /** No TLS available: every call fails. For handshakes over plain streams. */
  SecurityLayers NONE = x509 -> {
    throw new IOException("TLS needs a socket: this handshake runs over plain streams");
  };

  /**
   * Runs a TLS client handshake over the connection, where the server expects it (after the
   * VeNCrypt subtype ack), and returns the TLS layer. Blocks until the TLS handshake is done.
   *
   * @param x509 true for the X509 subtypes (the server's certificate is checked as configured),
   *        false for the TLS subtypes (anonymous TLS: the server is not authenticated)
   * @return the streams of the TLS layer and what was negotiated
   * @throws org.plugvnc.client.RfbSecurityException if TLS failed or the server is not trusted
   * @throws IOException from the connection
   */
  Tls startTls(boolean x509) throws IOException;

  /**
   * An established TLS layer.
   *
   * @param in the decrypted bytes from the server
   * @param out where the client's bytes go to be encrypted
   * @param protocol the TLS version, e.g. {@code "TLSv1.3"}
   * @param cipherSuite the negotiated cipher suite
   * @param peerSha256 SHA-256 of the server's certificate (lower-case hex), null if it sent none
   */
  record Tls(InputStream in, OutputStream out, String protocol, String cipherSuite,
      String peerSha256) {
  }
}
