package org.plugvnc.itest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.SecurityHandshake;
import org.plugvnc.api.security.SecurityTypeFactory;

/**
 * A security type whose viewer says what the check should do, in four ASCII bytes: {@code GOOD}
 * and {@code BAD!} are judged on a worker after {@link #CHECK_MILLIS} (a slow JAAS login, say),
 * {@code BOOM} makes that check throw, {@code THRW} makes {@link SecurityHandshake#receive} itself
 * throw. The server sends nothing of its own in this handshake.
 */
final class ScriptedSecurityType implements SecurityTypeFactory {

  static final int TYPE = 150;
  static final long CHECK_MILLIS = 300;
  static final String REFUSAL = "the scripted check says no";

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public SecurityHandshake create(SecurityContext context) {
    return new Handshake(context);
  }

  private static final class Handshake implements SecurityHandshake {

    private final SecurityContext context;
    private boolean answered;

    Handshake(SecurityContext context) {
      this.context = context;
    }

    @Override
    public void start(RfbOutput out) {
      // nothing: the viewer speaks first
    }

    @Override
    public HandshakeResult receive(ByteBuffer in, RfbOutput out) {
      // Once answered, bytes behind the answer (ClientInit) are the engine's, not ours to take.
      if (answered || in.remaining() < 4) {
        return HandshakeResult.incomplete();
      }
      byte[] word = new byte[4];
      in.get(word);
      answered = true;
      switch (new String(word, StandardCharsets.US_ASCII)) {
        case "GOOD":
          context.resume(slowly(() -> HandshakeResult.success(new Identity("async", false))));
          return HandshakeResult.incomplete();
        case "BAD!":
          context.resume(slowly(() -> HandshakeResult.failure(REFUSAL)));
          return HandshakeResult.incomplete();
        case "BOOM":
          context.resume(() -> {
            throw new IllegalStateException("the scripted check throws");
          });
          return HandshakeResult.incomplete();
        case "THRW":
          throw new IllegalStateException("the scripted handshake throws");
        default:
          return HandshakeResult.failure("not a scripted word");
      }
    }

    private static Supplier<HandshakeResult> slowly(Supplier<HandshakeResult> verdict) {
      return () -> {
        try {
          Thread.sleep(CHECK_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return verdict.get();
      };
    }
  }
}
