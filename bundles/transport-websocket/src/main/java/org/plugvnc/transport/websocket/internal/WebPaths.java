package org.plugvnc.transport.websocket.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a request target into the relative path {@link org.plugvnc.api.web.WebContent} is asked
 * for. The target is percent-decoded exactly once, so that {@code %252e} stays the literal
 * {@code %2e} and never becomes a dot on a second pass; everything that could name a file outside
 * the content, or a different file on another system, is refused rather than repaired: a path the
 * listener had to clean up is a path someone crafted.
 */
final class WebPaths {

  /** Why a target was refused, and with which status. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    Refused(int status, String reason) {
      super(reason, null, false, false);
      this.status = status;
    }
  }

  private WebPaths() {}

  /** The path of {@code target} (origin-form, query ignored); "" for the start page. */
  static String normalize(String target) throws Refused {
    int end = target.length();
    int query = target.indexOf('?');
    if (query >= 0) {
      end = query;
    }
    int fragment = target.indexOf('#');
    if (fragment >= 0 && fragment < end) {
      end = fragment;
    }
    String raw = target.substring(0, end);
    if (!raw.startsWith("/")) {
      throw new Refused(400, "not an origin-form target");
    }
    String lower = raw.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c")) {
      throw new Refused(400, "an encoded slash or backslash");
    }
    String decoded = decode(raw.substring(1));
    if (decoded.isEmpty()) {
      return "";
    }
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c == '\\' || c < 0x20 || c == 0x7f) {
        throw new Refused(400, "a backslash, NUL or control character");
      }
    }
    for (String segment : decoded.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new Refused(400, "a dot segment");
      }
      if (segment.isEmpty()) {
        throw new Refused(404, "an empty segment");
      }
    }
    return decoded;
  }

  /** Percent-decodes once, as UTF-8; a malformed escape or invalid UTF-8 is refused. */
  private static String decode(String s) throws Refused {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%') {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        continue;
      }
      if (i + 2 >= s.length()) {
        throw new Refused(400, "a truncated percent escape");
      }
      int hi = Character.digit(s.charAt(i + 1), 16);
      int lo = Character.digit(s.charAt(i + 2), 16);
      if (hi < 0 || lo < 0) {
        throw new Refused(400, "a malformed percent escape");
      }
      bytes.write(hi << 4 | lo);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new Refused(400, "invalid UTF-8");
    }
  }
}
