package org.plugvnc.client;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import org.plugvnc.client.protocol.Handshake;
import org.plugvnc.client.protocol.RfbInput;
import org.plugvnc.client.protocol.SecurityLayers;
import org.plugvnc.client.tls.TlsSocketLayers;

/**
 * How an {@link RfbClient} comes to be: the socket (a TCP connection made or, in listen mode,
 * accepted; or a Unix domain socket), the handshake over it, and the builder's first messages.
 * On any failure everything opened so far is closed.
 */
final class Connections {

  private Connections() {}

  /** Connects over TCP or, when the builder names one, a Unix domain socket. */
  static RfbClient open(RfbClientBuilder b) throws IOException {
    if (b.unixSocket != null) {
      return openUnix(b);
    }
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(b.host, b.port), RfbClient.millis(b.connectTimeout));
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
    return start(plain, b.host, b.port, b);
  }

  /** Listen mode: waits for the server to connect to {@code listener}, then the handshake. */
  static RfbClient accept(ServerSocket listener, RfbClientBuilder b) throws IOException {
    listener.setSoTimeout(Math.max(1, RfbClient.millis(b.connectTimeout)));
    Socket plain;
    try {
      plain = listener.accept();
    } catch (SocketTimeoutException e) {
      throw new RfbTimeoutException("no server connected within " + b.connectTimeout);
    }
    return start(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), b);
  }

  /** The handshake and first messages over a connected TCP socket (either direction). */
  private static RfbClient start(Socket plain, String host, int port, RfbClientBuilder b)
      throws IOException {
    TlsSocketLayers layers = new TlsSocketLayers(plain, host, port, b.tls);
    try {
      plain.setTcpNoDelay(true);
      plain.setSoTimeout(RfbClient.millis(b.readTimeout));
      RfbInput in = new RfbInput(plain.getInputStream());
      OutputStream out = new BufferedOutputStream(plain.getOutputStream());
      Handshake.Outcome outcome = Handshake.perform(in, out, b.handshakeOptions(), layers);
      return opened(new RfbClient(Link.of(layers.socket()), outcome.in(), outcome.out(),
          outcome.result(), b), b);
    } catch (IOException | RuntimeException e) {
      layers.socket().close();
      plain.close();
      throw e;
    }
  }

  /**
   * Over a Unix domain socket. VeNCrypt's TLS subtypes need a {@link Socket} to layer the JDK's
   * TLS on, which a Unix domain socket has not: they fail here with a clear reason (the socket
   * file's owner-only mode is what protects this way in).
   */
  private static RfbClient openUnix(RfbClientBuilder b) throws IOException {
    UnixSocketLink link = UnixSocketLink.connect(b.unixSocket);
    try {
      link.readTimeout(RfbClient.millis(b.readTimeout));
      RfbInput in = new RfbInput(link.input());
      OutputStream out = new BufferedOutputStream(link.output());
      SecurityLayers noTls = x509 -> {
        throw new RfbSecurityException(RfbSecurityException.Failure.TLS_FAILED,
            "TLS over a Unix domain socket is not supported by this client", List.of(), null);
      };
      Handshake.Outcome outcome = Handshake.perform(in, out, b.handshakeOptions(), noTls);
      return opened(new RfbClient(link, outcome.in(), outcome.out(), outcome.result(), b), b);
    } catch (IOException | RuntimeException e) {
      link.close();
      throw e;
    }
  }

  private static RfbClient opened(RfbClient client, RfbClientBuilder b) throws IOException {
    if (b.pixelFormat != null) {
      client.setPixelFormat(b.pixelFormat);
    }
    if (b.encodings != null) {
      client.setEncodings(b.encodings);
    }
    return client;
  }
}
