package org.plugvnc.launcher;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A new password for {@code user add}: asked twice on the terminal without echo ({@link
 * Console#readPassword}), or, with {@code --password-stdin} or when there is no terminal (a script,
 * a test), one line of standard input. Only char and byte arrays hold it, and they are wiped.
 */
final class PasswordInput {

  /** Longer lines are refused: far beyond any password, and bounds what is read. */
  static final int MAX_BYTES = 1024;

  private PasswordInput() {}

  /**
   * The password, for the caller to wipe.
   *
   * @throws IllegalArgumentException if it is empty, the entries differ or the input ended
   */
  static char[] read(boolean fromStdin, InputStream in, PrintStream prompts) throws IOException {
    Console console = System.console();
    if (fromStdin || console == null) {
      char[] line = readLine(in);
      if (line == null || line.length == 0) {
        throw new IllegalArgumentException("no password on standard input: nothing was changed");
      }
      return line;
    }
    char[] first = console.readPassword("Password: ");
    char[] again = null;
    try {
      if (first == null || first.length == 0) {
        throw new IllegalArgumentException("no password was entered: nothing was changed");
      }
      again = console.readPassword("Password again: ");
      if (!Arrays.equals(first, again)) {
        throw new IllegalArgumentException("the two entries differ: nothing was changed");
      }
      return first;
    } catch (RuntimeException e) {
      if (first != null) {
        Arrays.fill(first, '\0');
      }
      throw e;
    } finally {
      if (again != null) {
        Arrays.fill(again, '\0');
      }
    }
  }

  /**
   * One line of {@code in} as UTF-8 without its line end; null when {@code in} ends first.
   *
   * @throws IllegalArgumentException if the line is longer than {@link #MAX_BYTES} or not UTF-8
   */
  static char[] readLine(InputStream in) throws IOException {
    byte[] line = new byte[MAX_BYTES];
    int length = 0;
    try {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      for (; b >= 0 && b != '\n'; b = in.read()) {
        if (length == MAX_BYTES) {
          throw new IllegalArgumentException("the password line is longer than " + MAX_BYTES + " bytes");
        }
        line[length++] = (byte) b;
      }
      if (length > 0 && line[length - 1] == '\r') {
        length--;
      }
      return decode(line, length);
    } finally {
      Arrays.fill(line, (byte) 0);
    }
  }

  private static char[] decode(byte[] bytes, int length) {
    CharBuffer chars = null;
    try {
      chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
      char[] result = new char[chars.remaining()];
      chars.get(result);
      return result;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the password line is not UTF-8");
    } finally {
      if (chars != null && chars.hasArray()) {
        Arrays.fill(chars.array(), '\0');
      }
    }
  }
}
