package org.plugvnc.security.rsaaes.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server key file: generated once, owner-only, the same key on every later start. */
class RsaKeyFileTest {

  @TempDir
  Path dir;

  @Test
  void generatesOnceOwnerOnlyAndLoadsTheSameKeyAfterwards() throws Exception {
    Path file = dir.resolve("data/rsaaes-key.pem");
    RsaKeyFile.Loaded first = RsaKeyFile.loadOrCreate(file, 2048);
    assertTrue(first.generated());
    assertEquals(2048, first.key().bits());
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(file));
    assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----\n"));

    RsaKeyFile.Loaded second = RsaKeyFile.loadOrCreate(file, 4096);
    assertFalse(second.generated(), "an existing key is kept, whatever keyLength says now");
    assertArrayEquals(first.key().wire(), second.key().wire());
    assertEquals(first.key().fingerprint(), second.key().fingerprint());
    assertEquals(32 * 3 - 1, first.key().fingerprint().length(), "SHA-256 as colon-separated hex");
  }

  @Test
  void keyLengthsOutsideTheRangeAreNotGenerated() {
    assertThrows(IOException.class, () -> RsaKeyFile.loadOrCreate(dir.resolve("a.pem"), 1024));
    assertThrows(IOException.class, () -> RsaKeyFile.loadOrCreate(dir.resolve("b.pem"), 8200));
    assertFalse(Files.exists(dir.resolve("a.pem")));
  }

  @Test
  void filesThatAreNoKeyAreRefusedWithTheReason() throws Exception {
    Path junk = dir.resolve("junk.pem");
    Files.writeString(junk, "not a key");
    IOException e = assertThrows(IOException.class, () -> RsaKeyFile.read(junk));
    assertTrue(e.getMessage().contains("no PEM private key"), e.getMessage());

    Path huge = dir.resolve("huge.pem");
    Files.write(huge, new byte[RsaKeyFile.MAX_FILE_BYTES + 1]);
    e = assertThrows(IOException.class, () -> RsaKeyFile.read(huge));
    assertTrue(e.getMessage().contains("longer than"), e.getMessage());

    Path garbage = dir.resolve("garbage.pem");
    Files.writeString(garbage, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    e = assertThrows(IOException.class, () -> RsaKeyFile.read(garbage));
    assertTrue(e.getMessage().contains("no readable RSA key"), e.getMessage());
  }
}
