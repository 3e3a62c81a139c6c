package org.plugvnc.security.vencrypt.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.security.CredentialVerifier;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.SecurityHandshake;
import org.plugvnc.api.security.SecurityTypeFactory;

/** What the VeNCrypt tests share: a stand-in type 2, a verifier, factories, byte helpers. */
final class Fixtures {

  static final String USER = "alice";
  static final String PASSWORD = "s3cret-Pässword";

  private Fixtures() {}

  /**
   * A type-2 factory that is not the thing under test: a fixed 16-byte challenge, and the
   * challenge reversed as the only right answer, granting view-only rights (as a view-only VNC
   * password does).
   */
  static final class ScriptedVncAuth implements SecurityTypeFactory {
    static final byte[] CHALLENGE = new byte[16];

    static {
      for (int i = 0; i < 16; i++) {
        CHALLENGE[i] = (byte) (0xA0 + i);
      }
    }

    static byte[] rightAnswer() {
      byte[] r = new byte[16];
      for (int i = 0; i < 16; i++) {
        r[i] = CHALLENGE[15 - i];
      }
      return r;
    }

    @Override
    public int type() {
      return 2;
    }

    @Override
    public SecurityHandshake create(SecurityContext context) {
      return new SecurityHandshake() {
        @Override
        public void start(RfbOutput out) {
          out.writeBytes(CHALLENGE, 0, 16);
        }

        @Override
        public HandshakeResult receive(ByteBuffer in, RfbOutput out) {
          if (in.remaining() < 16) {
            return HandshakeResult.incomplete();
          }
          byte[] answer = new byte[16];
          in.get(answer);
          return Arrays.equals(answer, rightAnswer())
              ? HandshakeResult.success(new Identity("vnc-password", true))
              : HandshakeResult.failure("Authentication failed");
        }
      };
    }
  }

  /** Accepts {@link #USER} with {@link #PASSWORD}; remembers the last password it saw. */
  static final class Verifier implements CredentialVerifier {
    final AtomicReference<char[]> lastPassword = new AtomicReference<>();
    final AtomicReference<String> lastUser = new AtomicReference<>();

    @Override
    public Optional<Identity> verify(String user, char[] password) {
      lastUser.set(user);
      lastPassword.set(password);
      return USER.equals(user) && Arrays.equals(password, PASSWORD.toCharArray())
          ? Optional.of(new Identity(user, false)) : Optional.empty();
    }
  }

  /** A factory over {@code home} with the stand-in type 2 and {@code verifier}. */
  static VeNCryptSecurityFactory factory(Path home, TestConfig config, CredentialVerifier verifier) {
    return new VeNCryptSecurityFactory(home, config, new PrintStream(new ByteArrayOutputStream()),
        new ScriptedVncAuth(), verifier);
  }

  /** The Plain credentials message as the specification lays it out. */
  static byte[] plain(String user, String password) {
    byte[] u = user.getBytes(StandardCharsets.UTF_8);
    byte[] p = password.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(8 + u.length + p.length).putInt(u.length).putInt(p.length).put(u).put(p).array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
