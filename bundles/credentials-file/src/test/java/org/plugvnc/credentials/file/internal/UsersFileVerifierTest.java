package org.plugvnc.credentials.file.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plugvnc.api.security.Identity;

/** The verifier constructed directly over a real file, with a low iteration count for speed. */
class UsersFileVerifierTest {

  private static final int ITERATIONS = 2_000;

  @TempDir
  Path home;

  private final CountingDerivation counting = new CountingDerivation();

  private Path file() {
    return UsersFileManager.defaultFile(home);
  }

  private UsersFileManager manager() {
    return new UsersFileManager(file(), ITERATIONS);
  }

  private UsersFileVerifier verifier() {
    return new UsersFileVerifier(file(), ITERATIONS, counting);
  }

  private static Optional<Identity> check(UsersFileVerifier verifier, String user, String password) {
    return verifier.verify(user, password.toCharArray());
  }

  private static List<String> logLines(String fragment) throws IOException {
    Path log = Path.of("target", "credentials-file-tests.log");
    return Files.exists(log)
        ? Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(fragment)).toList()
        : List.of();
  }

  @Test
  void rightPasswordGivesTheUsersRightsAndWrongOneNothing() throws IOException {
    manager().add("alice", false, "alice's secret".toCharArray());
    manager().add("viewer", true, "just looking".toCharArray());
    UsersFileVerifier verifier = verifier();

    assertEquals(Optional.of(new Identity("alice", false)), check(verifier, "alice", "alice's secret"));
    assertEquals(Optional.of(new Identity("viewer", true)), check(verifier, "viewer", "just looking"));
    assertEquals(Optional.empty(), check(verifier, "alice", "alice's secreT"));
    assertEquals(Optional.empty(), check(verifier, "alice", "just looking"));
    assertEquals(Optional.empty(), check(verifier, "Alice", "alice's secret"));
    assertEquals(Optional.empty(), check(verifier, "alice", ""));
  }

  @Test
  void thePasswordArrayIsLeftAsGiven() throws IOException {
    manager().add("alice", false, "pw".toCharArray());
    char[] password = "pw".toCharArray();
    assertTrue(verifier().verify("alice", password).isPresent());
    assertArrayEquals("pw".toCharArray(), password);
  }

  @Test
  void unknownUserRunsAsManyIterationsAsAKnownOne() throws IOException {
    manager().add("alice", false, "secret".toCharArray());
    UsersFileVerifier verifier = verifier();

    counting.reset();
    assertTrue(check(verifier, "alice", "secret").isPresent());
    long known = counting.iterations.get();
    counting.reset();
    assertFalse(check(verifier, "alice", "wrong").isPresent());
    long knownWrong = counting.iterations.get();
    counting.reset();
    assertFalse(check(verifier, "mallory", "secret").isPresent());
    long unknown = counting.iterations.get();

    assertEquals(ITERATIONS, known);
    assertEquals(known, knownWrong);
    assertEquals(known, unknown);
    assertEquals(1, counting.calls.get());
  }

  @Test
  void missingFileLetsNoOneInAtTheSameCost() {
    UsersFileVerifier verifier = verifier();
    counting.reset();
    assertEquals(Optional.empty(), check(verifier, "alice", "secret"));
    assertEquals(ITERATIONS, counting.iterations.get());
  }

  @Test
  void malformedLinesAreSkippedWithAReasonAndTheRestStillWork() throws IOException {
    manager().add("alice", false, "secret".toCharArray());
    String good = Files.readAllLines(file()).get(1);
    String hash = good.substring(good.lastIndexOf(':') + 1);
    String brokenHash = good.replace("alice:full", "bob:full").replace(hash, hash.substring(4));
    String content = "# users\n" + good + "\n"
        + "carol:root:pbkdf2-sha256:2000:x:y\n"
        + brokenHash + "\n"
        + "x".repeat(UsersFileFormat.MAX_LINE_LENGTH + 10) + "\n"
        + "\n   # indented comment\n";
    Files.writeString(file(), content);

    UsersFileVerifier verifier = verifier();
    assertTrue(check(verifier, "alice", "secret").isPresent());
    assertFalse(check(verifier, "bob", "secret").isPresent());
    assertFalse(check(verifier, "carol", "secret").isPresent());

    String where = "Users file " + file();
    assertEquals(1, logLines(where + " line 3 is skipped: it has rights other than").size());
    assertEquals(1, logLines(where + " line 4 is skipped: it has a hash that is not 32 bytes").size());
    assertEquals(1, logLines(where + " line 5 is skipped: it is longer than").size());
    assertEquals(List.of(), logLines(hash.substring(4)));
  }

  @Test
  void aFileOpenToOthersLetsNoOneInUntilRestricted() throws IOException {
    manager().add("alice", false, "secret".toCharArray());
    UsersFileVerifier verifier = verifier();
    assertTrue(check(verifier, "alice", "secret").isPresent());

    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r-----"));
    assertFalse(check(verifier, "alice", "secret").isPresent());
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw----r--"));
    assertFalse(check(verifier, "alice", "secret").isPresent());
    assertEquals(1, logLines("Users file " + file() + " is readable or writable by group or others").size());

    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
    assertTrue(check(verifier, "alice", "secret").isPresent());
  }

  @Test
  void aUserAddedOrRemovedAppliesToTheNextCheck() throws IOException {
    manager().add("alice", false, "secret".toCharArray());
    UsersFileVerifier verifier = verifier();
    assertFalse(check(verifier, "bob", "hunter2").isPresent());

    manager().add("bob", true, "hunter2".toCharArray());
    assertEquals(Optional.of(new Identity("bob", true)), check(verifier, "bob", "hunter2"));

    manager().add("bob", false, "changed".toCharArray());
    assertFalse(check(verifier, "bob", "hunter2").isPresent());
    assertEquals(Optional.of(new Identity("bob", false)), check(verifier, "bob", "changed"));

    manager().remove("alice");
    assertFalse(check(verifier, "alice", "secret").isPresent());
  }

  @Test
  void aFileRewrittenInPlaceIsReadAgain() throws IOException {
    manager().add("alice", false, "secret".toCharArray());
    UsersFileVerifier verifier = verifier();
    assertTrue(check(verifier, "alice", "secret").isPresent());
    List<String> lines = Files.readAllLines(file());
    Files.writeString(file(), String.join("\n", lines).replace("alice:full", "alice:view-only") + "\n");
    assertEquals(Optional.of(new Identity("alice", true)), check(verifier, "alice", "secret"));
  }

  @Test
  void aFileTooLargeLetsNoOneIn() throws IOException {
    manager().add("alice", false, "secret".toCharArray());
    String line = Files.readAllLines(file()).get(1);
    StringBuilder big = new StringBuilder(line).append('\n');
    while (big.length() <= UsersFileFormat.MAX_FILE_BYTES) {
      big.append("# padding padding padding padding padding padding padding padding\n");
    }
    Files.writeString(file(), big);
    assertFalse(check(verifier(), "alice", "secret").isPresent());
    assertEquals(1, logLines("Users file " + file() + " is longer than").size());
  }

  @Test
  void theDefaultFileFollowsTheHomeRule() {
    assertEquals(Path.of("/h", "etc", "users"), UsersFileManager.usersFile(Path.of("/h"), " "));
    assertEquals(Path.of("/h", "conf", "u"), UsersFileManager.usersFile(Path.of("/h"), "conf/u"));
    assertEquals(Path.of("/h", "etc", "users"), UsersFileManager.defaultFile(Path.of("/h")));
    assertEquals(UsersFileFormat.DEFAULT_ITERATIONS, UsersFileVerifier.boundedIterations(5));
  }
}
