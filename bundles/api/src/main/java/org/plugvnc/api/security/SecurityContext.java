package org.plugvnc.api.security;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the engine offers a {@link SecurityHandshake} about its connection. Implemented by the
 * engine; its methods may be called on the connection's I/O thread only, except {@link #resume}.
 */
@ProviderType
public interface SecurityContext {

  /** The viewer's address. */
  SocketAddress remoteAddress();

  /**
   * The name of the desktop the viewer is connecting to: {@code default} for the server's own
   * desktop, else the name of its {@code org.plugvnc.desktop} configuration.
   *
   * @since 1.2
   */
  String desktop();

  /**
   * The VNC password file the desktop is configured with, or {@code null} when it names none and
   * the {@link VncPasswordStore} service decides. VNC Authentication checks against this file
   * when there is one, so each desktop may have its own password.
   *
   * @since 1.2
   */
  Path passwordFile();

  /** The negotiated minor protocol version: 3, 7 or 8. */
  int protocolMinor();

  /**
   * Puts TLS under the rest of the connection, starting with the next byte read and written (the
   * VeNCrypt TLS and X509 subtypes). Bytes already buffered are not decrypted; call it only at a
   * point where the viewer sends nothing before the TLS handshake.
   */
  void startTls(SSLEngine engine);

  /**
   * Runs a blocking check (a JAAS login, say) off the I/O thread: {@code check} runs on a worker
   * thread and its result is taken as the handshake's result, as if {@link
   * SecurityHandshake#receive} had returned it. Meanwhile the handshake must return
   * {@link HandshakeResult#incomplete()}; the engine then hands it no more bytes until the verdict,
   * and decodes what arrived meanwhile (the viewer's ClientInit) once the verdict is in. The answer
   * counts against the address's failure throttle while the check runs, so slow checks in parallel
   * cannot get more answers judged than the threshold allows. A check that throws, or returns
   * {@code null} or incomplete, fails the handshake; when no worker is free the viewer is refused
   * as busy. At most one check runs per handshake. May be called from any thread.
   */
  void resume(Supplier<HandshakeResult> check);
}
