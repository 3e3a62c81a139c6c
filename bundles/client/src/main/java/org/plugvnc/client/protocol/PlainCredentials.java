package org.plugvnc.client.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * VeNCrypt's Plain credentials message (rfbproto "Plain subtype"): U32 username-length, U32
 * password-length, the username, the password, both UTF-8 as the spec recommends.
 */
public final class PlainCredentials {

  private PlainCredentials() {
  }

  /**
   * @param username the username; null is sent as empty
   * @param password the password; null is sent as empty
   * @return the message bytes (they hold the password: the caller sends and forgets them)
   */
  public static byte[] message(String username, String password) {
    byte[] user = utf8(username);
    byte[] pass = utf8(password);
    return ByteBuffer.allocate(8 + user.length + pass.length).putInt(user.length)
        .putInt(pass.length).put(user).put(pass).array();
  }

  private static byte[] utf8(String s) {
    return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
  }
}
