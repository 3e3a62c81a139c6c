package org.plugvnc.api.security;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;
import org.plugvnc.api.encoding.RfbOutput;

/**
 * The security handshake of one connection, run without blocking: the engine calls
 * {@link #start} once, then {@link #receive} at once (with whatever is buffered, possibly nothing)
 * and again each time more bytes arrive, until a result other than
 * {@link HandshakeResult#incomplete()} comes back. The engine then sends SecurityResult itself.
 *
 * <p>All methods run on the connection's I/O thread and must not block: work that would (a JAAS
 * login, an LDAP call) is started elsewhere and its answer delivered through
 * {@link SecurityContext#resume}.
 */
@ConsumerType
public interface SecurityHandshake {

  /** Writes the server's first message of the handshake, if it has one (a challenge). */
  void start(RfbOutput out);

  /**
   * Reads from {@code in} what the handshake needs next. When the whole message is not yet there it
   * returns {@link HandshakeResult#incomplete()} and leaves {@code in}'s position where it was;
   * otherwise it advances the position past what it consumed. Every length read from the network is
   * bounded before anything is allocated for it.
   */
  HandshakeResult receive(ByteBuffer in, RfbOutput out);
}
