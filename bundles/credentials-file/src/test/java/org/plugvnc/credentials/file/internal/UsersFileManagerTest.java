package org.plugvnc.credentials.file.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plugvnc.api.security.Identity;

class UsersFileManagerTest {

  @TempDir
  Path home;

  private Path file() {
    return home.resolve("deep").resolve("etc").resolve("users");
  }

  private UsersFileManager manager() {
    return new UsersFileManager(file(), 1_000);
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void writesOwnerOnlyCreatingTheDirectoryAndLeavesNoTemporaryFile() throws IOException {
    char[] password = "secret".toCharArray();
    assertFalse(manager().add("alice", false, password));
    assertArrayEquals("secret".toCharArray(), password);

    assertEquals("rw-------", mode(file()));
    assertEquals("rwx------", mode(file().getParent()));
    assertEquals("rwx------", mode(file().getParent().getParent()));
    try (Stream<Path> files = Files.list(file().getParent())) {
      assertEquals(List.of(file()), files.toList());
    }
    String content = Files.readString(file());
    assertFalse(content.contains("secret"), content);
    assertTrue(content.contains("alice:full:pbkdf2-sha256:1000:"), content);
  }

  @Test
  void everyChangeReplacesTheFileByRename() throws IOException {
    manager().add("alice", false, "secret".toCharArray());
    Object before = Files.readAttributes(file(), BasicFileAttributes.class).fileKey();
    manager().add("bob", true, "other".toCharArray());
    Object after = Files.readAttributes(file(), BasicFileAttributes.class).fileKey();
    assertNotEquals(before, after);
    assertEquals("rw-------", mode(file()));
  }

  @Test
  void addReplacesListShowsRemoveDeletesAndCommentsStay() throws IOException {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "# kept comment\nbroken line\n");
    UsersFileManager manager = manager();
    manager.add("alice", false, "one".toCharArray());
    manager.add("bob", true, "two".toCharArray());
    assertTrue(manager.add("alice", true, "three".toCharArray()));
    assertEquals(List.of(new Identity("bob", true), new Identity("alice", true)), manager.list());

    assertTrue(manager.remove("bob"));
    assertFalse(manager.remove("bob"));
    assertEquals(List.of(new Identity("alice", true)), manager.list());
    List<String> lines = Files.readAllLines(file());
    assertEquals("# kept comment", lines.get(0));
    assertEquals("broken line", lines.get(1));
    assertEquals(3, lines.size());
  }

  @Test
  void eachEntryHasItsOwnSalt() throws IOException {
    manager().add("alice", false, "same".toCharArray());
    manager().add("bob", false, "same".toCharArray());
    List<String> lines = Files.readAllLines(file());
    UserEntry alice = UsersFileFormat.parse(lines.get(1));
    UserEntry bob = UsersFileFormat.parse(lines.get(2));
    assertFalse(java.util.Arrays.equals(alice.salt(), bob.salt()));
    assertFalse(java.util.Arrays.equals(alice.hash(), bob.hash()));
  }

  @Test
  void refusesNamesAndPasswordsItCannotStore() {
    UsersFileManager manager = manager();
    assertThrows(IllegalArgumentException.class, () -> manager.add("a:b", false, "x".toCharArray()));
    assertThrows(IllegalArgumentException.class, () -> manager.add("a b", false, "x".toCharArray()));
    assertThrows(IllegalArgumentException.class, () -> manager.add("#a", false, "x".toCharArray()));
    assertThrows(IllegalArgumentException.class, () -> manager.add("alice", false, new char[0]));
    assertThrows(IllegalArgumentException.class, () -> manager.add("alice", false, new char[1025]));
    assertThrows(IllegalArgumentException.class, () -> new UsersFileManager(file(), 10));
    assertFalse(Files.exists(file()));
  }

  @Test
  void listOfAMissingFileIsEmpty() throws IOException {
    assertEquals(List.of(), manager().list());
    assertFalse(manager().remove("nobody"));
    assertFalse(Files.exists(file()));
  }
}
