package org.plugvnc.engine.internal.net;

import java.nio.ByteBuffer;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.SecurityHandshake;
import org.plugvnc.api.security.SecurityTypeFactory;

/**
 * Security type 150 for tests: no challenge, then a one-byte answer that the test's {@link Answer}
 * judges. Counts the handshakes made and the answers they were handed, so a test can tell whether
 * an answer reached the security type at all. Used on the test's thread only.
 */
final class ScriptedSecurityType implements SecurityTypeFactory {

  static final int TYPE = 150;

  /** What the handshake does with the viewer's answer. */
  interface Answer {
    HandshakeResult judge(SecurityContext context, RfbOutput out);
  }

  private Answer answer = (context, out) -> HandshakeResult.failure("no answer scripted");
  private int handshakes;
  private int answers;

  /** Judges answers with {@code a} from now on. */
  void answerWith(Answer a) {
    answer = a;
  }

  /** Handshakes made so far. */
  int handshakes() {
    return handshakes;
  }

  /** Answers handed to a handshake so far. */
  int answersSeen() {
    return answers;
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public SecurityHandshake create(SecurityContext context) {
    handshakes++;
    return new SecurityHandshake() {
      @Override
      public void start(RfbOutput out) {}

      @Override
      public HandshakeResult receive(ByteBuffer in, RfbOutput out) {
        if (!in.hasRemaining()) {
          return HandshakeResult.incomplete();
        }
        in.get();
        answers++;
        return answer.judge(context, out);
      }
    };
  }
}
