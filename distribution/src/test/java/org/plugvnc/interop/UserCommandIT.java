package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar plugvnc.jar user add/list/remove} as a script runs it: the password from
 * standard input, the file owner-only, holding a hash (checked here with the JDK's own PBKDF2, from
 * the format's description) and never the password.
 */
class UserCommandIT {

  private static final String PASSWORD = "c0rrect horse";

  @TempDir Path home;

  /** The exit code and output of the jar run with {@code args}, {@code input} on its stdin. */
  private record Run(int exit, String output) {}

  private Run jar(String input, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Interop.distributionJar().toString(), "--home", home.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "user " + String.join(" ", args) + " did not end");
    return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void addListAndRemoveThroughTheJar() throws Exception {
    Run added = jar(PASSWORD + "\n", "user", "add", "alice", "--password-stdin");
    assertEquals(0, added.exit(), added.output());
    Run viewer = jar("look\n", "user", "add", "--view-only", "bob", "--password-stdin");
    assertEquals(0, viewer.exit(), viewer.output());

    Path file = home.resolve("etc/users");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String content = Files.readString(file);
    assertFalse(content.contains(PASSWORD) || content.contains("look"), content);
    assertTrue(hashMatches(content, "alice", "full", PASSWORD), content);
    assertTrue(hashMatches(content, "bob", "view-only", "look"), content);

    Run list = jar("", "user", "list");
    assertEquals(0, list.exit(), list.output());
    assertEquals("alice  full\nbob    view-only\n", list.output());

    Run removed = jar("", "user", "remove", "alice");
    assertEquals(0, removed.exit(), removed.output());
    assertEquals("bob  view-only\n", jar("", "user", "list").output());
    assertEquals(1, jar("", "user", "remove", "alice").exit());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertFalse(Files.list(home.resolve("etc")).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
  }

  @Test
  void badInputChangesNothing() throws Exception {
    assertEquals(2, jar("", "user", "add").exit());
    assertEquals(1, jar("", "user", "add", "alice", "--password-stdin").exit(), "no password");
    assertEquals(1, jar("x\n", "user", "add", "al:ice", "--password-stdin").exit(), "a ':' in the name");
    assertFalse(Files.exists(home.resolve("etc/users")));
  }

  /** Whether {@code content} has the line for {@code name} whose hash is {@code password}'s. */
  private static boolean hashMatches(String content, String name, String rights, String password)
      throws Exception {
    for (String line : content.split("\n")) {
      String[] fields = line.split(":");
      if (fields.length == 6 && fields[0].equals(name)) {
        byte[] salt = Base64.getDecoder().decode(fields[4]);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
            new PBEKeySpec(password.toCharArray(), salt, Integer.parseInt(fields[3]), 256)).getEncoded();
        return fields[1].equals(rights) && fields[2].equals("pbkdf2-sha256")
            && Base64.getEncoder().encodeToString(hash).equals(fields[5]);
      }
    }
    return false;
  }
}
