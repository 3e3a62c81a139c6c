package org.plugvnc.security.internal;

import java.nio.ByteBuffer;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.SecurityHandshake;

/** The None handshake: nothing is exchanged; every viewer is an anonymous user with full access. */
final class NoneHandshake implements SecurityHandshake {

  static final Identity ANONYMOUS = new Identity("anonymous", false);

  @Override
  public void start(RfbOutput out) {
    // None has no server message: the engine sends SecurityResult (3.8) or goes on to ClientInit.
  }

  @Override
  public HandshakeResult receive(ByteBuffer in, RfbOutput out) {
    return HandshakeResult.success(ANONYMOUS);
  }
}
