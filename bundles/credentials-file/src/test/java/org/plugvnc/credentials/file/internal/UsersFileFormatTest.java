package org.plugvnc.credentials.file.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsersFileFormatTest {

  private static final String SALT = Base64.getEncoder().encodeToString(new byte[16]);
  private static final String HASH = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void roundTrip() {
    byte[] salt = new byte[16];
    byte[] hash = new byte[32];
    salt[0] = 7;
    hash[31] = 9;
    String line = UsersFileFormat.format(new UserEntry("alice", true, 600_000, salt, hash));
    assertTrue(line.startsWith("alice:view-only:pbkdf2-sha256:600000:"), line);
    UserEntry back = UsersFileFormat.parse(line);
    assertEquals("alice", back.name());
    assertTrue(back.viewOnly());
    assertEquals(600_000, back.iterations());
    assertArrayEquals(salt, back.salt());
    assertArrayEquals(hash, back.hash());
    assertFalse(UsersFileFormat.parse("bob:full:pbkdf2-sha256:1000:" + SALT + ":" + HASH).viewOnly());
  }

  @Test
  void commentsAndBlankLinesAreIgnorable() {
    assertTrue(UsersFileFormat.isIgnorable("  # a comment"));
    assertTrue(UsersFileFormat.isIgnorable("   "));
    assertFalse(UsersFileFormat.isIgnorable("alice:full"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "alice:full:pbkdf2-sha256:1000:SALT",
      "alice:full:pbkdf2-sha256:1000:SALT:HASH:extra",
      ":full:pbkdf2-sha256:1000:SALT:HASH",
      "al ice:full:pbkdf2-sha256:1000:SALT:HASH",
      "alice:admin:pbkdf2-sha256:1000:SALT:HASH",
      "alice:full:plain:1000:SALT:HASH",
      "alice:full:pbkdf2-sha256:999:SALT:HASH",
      "alice:full:pbkdf2-sha256:99999999:SALT:HASH",
      "alice:full:pbkdf2-sha256:-1000:SALT:HASH",
      "alice:full:pbkdf2-sha256:1e6:SALT:HASH",
      "alice:full:pbkdf2-sha256:1000:AAAA:HASH",
      "alice:full:pbkdf2-sha256:1000:SALT:AAAA",
      "alice:full:pbkdf2-sha256:1000:!!!!!!!!!!!!!!!!!!!!!!!!:HASH",
  })
  void malformedLinesAreRefusedWithAReason(String template) {
    String line = template.replace("SALT", SALT).replace("HASH", HASH);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UsersFileFormat.parse(line));
    assertFalse(e.getMessage().contains(SALT) || e.getMessage().contains(HASH), e.getMessage());
  }

  @Test
  void overlongLinesAndNamesAreRefusedBeforeSplitting() {
    String longName = "a".repeat(UsersFileFormat.MAX_NAME_LENGTH + 1);
    assertThrows(IllegalArgumentException.class,
        () -> UsersFileFormat.parse(longName + ":full:pbkdf2-sha256:1000:" + SALT + ":" + HASH));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UsersFileFormat.parse("x".repeat(UsersFileFormat.MAX_LINE_LENGTH + 1)));
    assertTrue(e.getMessage().contains("longer"), e.getMessage());
  }
}
