package org.plugvnc.api.security;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.List;
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
   * The security types offered to this viewer at the top level, in order: a type that offers
   * subtypes (VeNCrypt) may offer the weaker of these inside itself too, for viewers that pick it
   * and then find none of its own subtypes usable (noVNC takes VeNCrypt and can use only its
   * subtypes None, VncAuth and Plain), and must offer nothing weaker than these.
   *
   * <p>A default method only so that test stand-ins written against 1.2 still compile; the engine
   * implements it.
   *
   * @since 1.3
   */
  default List<Integer> offeredTypes() {
    return List.of();
  }

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
   * VeNCrypt TLS and X509 subtypes). What the handshake wrote before the call goes out in clear;
   * bytes the viewer sent after the last one the handshake consumed (a ClientHello right behind
   * the subtype choice) are handed to TLS, not read in clear. Call it from {@link
   * SecurityHandshake#start} or {@link SecurityHandshake#receive} only.
   *
   * @throws IllegalStateException if called at any other time
   */
  void startTls(SSLEngine engine);

  /**
   * Puts {@code layer} under the rest of the connection, starting with the next byte read and
   * written (RSA-AES after its key exchange). What the handshake wrote before the call goes out in
   * clear, what it writes afterwards is sealed; bytes the viewer sent after the last one the
   * handshake consumed (a viewer that sends its first record right away) are opened by the layer,
   * never read in clear. A record that is too long or does not open, or a stream cut inside one,
   * ends the connection with a logged reason. The layer stays for the life of the connection
   * unless {@link #endRecordLayer} removes it. Call it from {@link SecurityHandshake#start} or
   * {@link SecurityHandshake#receive} only, at most once.
   *
   * <p>A default method only so that test stand-ins written against 1.2 still compile; the engine
   * implements it.
   *
   * @throws IllegalStateException if called at any other time, or a layer is already in place
   * @throws UnsupportedOperationException from a context that has no record layers (the default)
   * @since 1.3
   */
  default void startRecordLayer(RecordLayer layer) {
    throw new UnsupportedOperationException("this connection takes no record layer");
  }

  /**
   * Removes the record layer, so that the next byte read and written is clear (RSA-AES's RA2ne
   * types, whose SecurityResult and everything after it are unencrypted). What the handshake wrote
   * before the call is still sealed; the bytes after the last record the layer opened are taken
   * in clear, after any opened bytes the handshake has not consumed yet. Call it from {@link
   * SecurityHandshake#receive} only.
   *
   * @throws IllegalStateException if called at any other time, or no record layer is in place
   * @throws UnsupportedOperationException from a context that has no record layers (the default)
   * @since 1.3
   */
  default void endRecordLayer() {
    throw new UnsupportedOperationException("this connection takes no record layer");
  }

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
