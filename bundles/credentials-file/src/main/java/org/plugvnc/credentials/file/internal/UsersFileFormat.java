package org.plugvnc.credentials.file.internal;

import java.util.Base64;

/**
 * The users file's line format, and nothing of files or logging:
 *
 * <pre>
 * # comment
 * NAME:RIGHTS:pbkdf2-sha256:ITERATIONS:SALT:HASH
 * </pre>
 *
 * RIGHTS is {@code full} or {@code view-only}; SALT (16 bytes) and HASH (32 bytes) are standard
 * base64. The scheme field leaves room for another hash later without guessing from lengths. Every
 * length is checked before anything is decoded, so a hostile or broken file costs at most
 * {@link #MAX_LINE_LENGTH} characters per line.
 */
final class UsersFileFormat {

  /** The only hash scheme written and read so far. */
  static final String SCHEME = "pbkdf2-sha256";
  static final String FULL = "full";
  static final String VIEW_ONLY = "view-only";

  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;
  /** OWASP's 2023+ figure for PBKDF2-HMAC-SHA256. */
  static final int DEFAULT_ITERATIONS = 600_000;
  static final int MIN_ITERATIONS = 1_000;
  /** Above this one check would take seconds here: a file could stall every login. */
  static final int MAX_ITERATIONS = 10_000_000;

  static final int MAX_NAME_LENGTH = 64;
  /** Longer passwords are refused before any hashing, whatever the name. */
  static final int MAX_PASSWORD_LENGTH = 1024;
  /** Name, rights, scheme, 8 digits, base64 of 16 and 32 bytes and separators fit well within. */
  static final int MAX_LINE_LENGTH = 256;
  /** The whole file: thousands of users, read in one go. */
  static final int MAX_FILE_BYTES = 1 << 20;

  private static final int SALT_BASE64 = 24;
  private static final int HASH_BASE64 = 44;
  private static final int MAX_ITERATION_DIGITS = 8;

  private UsersFileFormat() {}

  /** Whether {@code line} is blank or a comment, and so neither a user nor an error. */
  static boolean isIgnorable(String line) {
    String trimmed = line.strip();
    return trimmed.isEmpty() || trimmed.startsWith("#");
  }

  /**
   * The entry {@code line} holds.
   *
   * @throws IllegalArgumentException with a reason that never quotes the salt or hash
   */
  static UserEntry parse(String line) {
    if (line.length() > MAX_LINE_LENGTH) {
      throw new IllegalArgumentException("is longer than " + MAX_LINE_LENGTH + " characters");
    }
    String[] fields = line.strip().split(":", -1);
    if (fields.length != 6) {
      throw new IllegalArgumentException("has " + fields.length + " fields, not 6");
    }
    checkName(fields[0]);
    boolean viewOnly = rights(fields[1]);
    if (!SCHEME.equals(fields[2])) {
      throw new IllegalArgumentException("has an unknown hash scheme (only " + SCHEME + ")");
    }
    int iterations = iterations(fields[3]);
    byte[] salt = base64(fields[4], SALT_BASE64, SALT_BYTES, "salt");
    byte[] hash = base64(fields[5], HASH_BASE64, HASH_BYTES, "hash");
    return new UserEntry(fields[0], viewOnly, iterations, salt, hash);
  }

  /** The line that stores {@code entry}. */
  static String format(UserEntry entry) {
    Base64.Encoder base64 = Base64.getEncoder();
    return entry.name() + ':' + (entry.viewOnly() ? VIEW_ONLY : FULL) + ':' + SCHEME + ':'
        + entry.iterations() + ':' + base64.encodeToString(entry.salt()) + ':'
        + base64.encodeToString(entry.hash());
  }

  /**
   * Refuses names that the format or a log line could not carry: empty, too long, with a
   * separator, white space or control character, or starting a comment.
   *
   * @throws IllegalArgumentException saying why
   */
  static void checkName(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("has a user name of " + name.length() + " characters (1 to "
          + MAX_NAME_LENGTH + ")");
    }
    if (name.startsWith("#")) {
      throw new IllegalArgumentException("has a user name starting with '#'");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == ':' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException("has a user name with ':', white space or a control character");
      }
    }
  }

  /** Whether {@code rights} names view-only access. */
  static boolean rights(String rights) {
    if (FULL.equals(rights)) {
      return false;
    }
    if (VIEW_ONLY.equals(rights)) {
      return true;
    }
    throw new IllegalArgumentException("has rights other than '" + FULL + "' or '" + VIEW_ONLY + "'");
  }

  /** {@code iterations} if it is within the bounds. */
  static int checkIterations(int iterations) {
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("has an iteration count outside " + MIN_ITERATIONS + " to "
          + MAX_ITERATIONS);
    }
    return iterations;
  }

  private static int iterations(String field) {
    if (field.isEmpty() || field.length() > MAX_ITERATION_DIGITS || !field.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("has an iteration count that is not a number of 1 to "
          + MAX_ITERATION_DIGITS + " digits");
    }
    return checkIterations(Integer.parseInt(field));
  }

  private static byte[] base64(String field, int encodedLength, int bytes, String what) {
    if (field.length() != encodedLength) {
      throw new IllegalArgumentException("has a " + what + " that is not " + bytes + " bytes in base64");
    }
    try {
      return Base64.getDecoder().decode(field);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("has a " + what + " that is not valid base64");
    }
  }
}
