package org.plugvnc.security.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The VNC password file format, as {@code vncpasswd -f} of TigerVNC (and the other VNC servers)
 * writes it: the password, zero-padded or cut to 8 bytes, DES-encrypted with a fixed key that every
 * VNC implementation knows; optionally followed by a second such block holding the view-only
 * password. This is obfuscation, not protection: the file's permissions are what keep it secret.
 */
final class VncPasswordFormat {

  /** Length of one encrypted password block, and of a file holding only a full-access password. */
  static final int BLOCK = 8;

  /** Length of a file holding a full-access and a view-only password. */
  static final int MAX_LENGTH = 2 * BLOCK;

  /** The fixed key, in the d3des byte order in which VNC sources give it ({@link RfbDes}). */
  private static final byte[] OBFUSCATION_KEY = {23, 82, 107, 6, 35, 78, 88, 7};

  private VncPasswordFormat() {}

  /**
   * The file content for {@code password} and an optional {@code viewOnly} password (may be
   * {@code null}): 8 or 16 bytes. Only the first 8 bytes of each password count.
   */
  static byte[] encode(byte[] password, byte[] viewOnly) {
    byte[] file = new byte[viewOnly == null ? BLOCK : MAX_LENGTH];
    writeBlock(password, file, 0);
    if (viewOnly != null) {
      writeBlock(viewOnly, file, BLOCK);
    }
    return file;
  }

  private static void writeBlock(byte[] password, byte[] file, int offset) {
    byte[] plain = Arrays.copyOf(password, BLOCK);
    byte[] encrypted = RfbDes.encrypt(OBFUSCATION_KEY, plain);
    System.arraycopy(encrypted, 0, file, offset, BLOCK);
    Arrays.fill(plain, (byte) 0);
    Arrays.fill(encrypted, (byte) 0);
  }

  /**
   * The passwords in a file's content: the full-access one, then the view-only one if present.
   * Each is cut at its first zero byte (the padding), so it may be empty.
   *
   * @throws IllegalArgumentException if {@code file} is not 8 or 16 bytes long
   */
  static List<byte[]> decode(byte[] file) {
    if (file.length != BLOCK && file.length != MAX_LENGTH) {
      String length = file.length > MAX_LENGTH ? "more than 16" : String.valueOf(file.length);
      throw new IllegalArgumentException(
          "is " + length + " bytes long, expected 8 or 16 (the format of vncpasswd -f)");
    }
    List<byte[]> passwords = new ArrayList<>(2);
    for (int offset = 0; offset < file.length; offset += BLOCK) {
      byte[] plain = RfbDes.decrypt(OBFUSCATION_KEY, Arrays.copyOfRange(file, offset, offset + BLOCK));
      int length = 0;
      while (length < BLOCK && plain[length] != 0) {
        length++;
      }
      passwords.add(Arrays.copyOf(plain, length));
      Arrays.fill(plain, (byte) 0);
    }
    return passwords;
  }
}
