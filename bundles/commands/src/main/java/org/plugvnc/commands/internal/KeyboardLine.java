package org.plugvnc.commands.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one line of a secret from a raw input stream, for a console session without a terminal
 * (an SSH exec channel, whose input is piped and never echoed). Reads byte by byte up to the
 * newline, so that whatever follows stays in the stream for the next prompt, and keeps the secret
 * in arrays only, which it wipes: no String ever holds it.
 */
final class KeyboardLine {

  private KeyboardLine() {
  }

  /**
   * The next line of {@code in} as UTF-8, without its {@code \n} or {@code \r\n}; null when the
   * stream ends before a byte of it.
   *
   * @throws IllegalArgumentException if the line is longer than {@code maxBytes} (the rest of it
   *     is left unread) or is not UTF-8
   */
  static char[] read(InputStream in, int maxBytes) throws IOException {
    byte[] line = new byte[maxBytes];
    int length = 0;
    try {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      while (b >= 0 && b != '\n') {
        if (length == maxBytes) {
          throw new IllegalArgumentException("The line is longer than " + maxBytes + " bytes");
        }
        line[length++] = (byte) b;
        b = in.read();
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
    CharBuffer chars = CharBuffer.allocate(length);
    try {
      CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      // UTF-8 never decodes to more chars than it has bytes, so the buffer cannot overflow.
      CoderResult coded = decoder.decode(ByteBuffer.wrap(bytes, 0, length), chars, true);
      if (coded.isError() || decoder.flush(chars).isError()) {
        throw new IllegalArgumentException("The line is not UTF-8");
      }
      chars.flip();
      char[] result = new char[chars.remaining()];
      chars.get(result);
      return result;
    } finally {
      Arrays.fill(chars.array(), '\0');
    }
  }
}
