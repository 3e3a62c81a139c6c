package org.plugvnc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.UserDirectory;

class UserCommandTest {

  @TempDir Path home;

  @Test
  void parsesTheActionsAndTheirOptions() {
    assertEquals(new UserCommand.Request("add", "ann", true, true),
        UserCommand.parse(List.of("user", "add", "--view-only", "ann", "--password-stdin")));
    assertEquals(new UserCommand.Request("remove", "ann", false, false),
        UserCommand.parse(List.of("user", "remove", "ann")));
    assertEquals("list", UserCommand.parse(List.of("user", "list")).action());
    assertThrows(IllegalArgumentException.class, () -> UserCommand.parse(List.of("user")));
    assertThrows(IllegalArgumentException.class, () -> UserCommand.parse(List.of("user", "add")));
    assertThrows(IllegalArgumentException.class, () -> UserCommand.parse(List.of("user", "add", "a", "b")));
    assertThrows(IllegalArgumentException.class, () -> UserCommand.parse(List.of("user", "remove", "a", "--view-only")));
    assertThrows(IllegalArgumentException.class, () -> UserCommand.parse(List.of("user", "list", "a")));
    assertThrows(IllegalArgumentException.class, () -> UserCommand.parse(List.of("user", "drop", "a")));
  }

  @Test
  void theLauncherPassesTheSubCommandOnWithTheHome() {
    LauncherOptions options = LauncherOptions.parse(
        new String[] {"user", "add", "ann", "--home", "/srv/vnc", "--view-only"}, key -> null);
    assertEquals(List.of("user", "add", "ann", "--view-only"), options.command());
    assertEquals(Path.of("/srv/vnc").toAbsolutePath(), options.home());
    assertEquals(List.of(), LauncherOptions.parse(new String[0], key -> key.equals("user.home") ? "/u" : null).command());
    assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse(new String[] {"add"}, k -> null));
  }

  @Test
  void addListAndRemoveEditTheConfiguredFile() throws IOException {
    Files.createDirectories(home.resolve("etc"));
    Files.writeString(home.resolve("etc/org.plugvnc.credentials.file.cfg"),
        "#usersFile =\nusersFile = conf/vnc-users\niterations = 1000\n");
    UserDirectory users = UserCommand.directory(home);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

    assertEquals(0, UserCommand.execute(new UserCommand.Request("add", "ann", false, true), users,
        print, () -> "pw".toCharArray()));
    assertEquals(0, UserCommand.execute(new UserCommand.Request("add", "bo", true, true), users,
        print, () -> "pw".toCharArray()));
    assertEquals(List.of(new Identity("ann", false), new Identity("bo", true)), users.list());
    assertTrue(Files.readString(home.resolve("conf/vnc-users")).contains("ann:full:pbkdf2-sha256:1000:"));
    assertEquals(0, UserCommand.execute(new UserCommand.Request("list", null, false, false), users,
        print, () -> null));
    assertEquals(0, UserCommand.execute(new UserCommand.Request("remove", "ann", false, false), users,
        print, () -> null));
    assertEquals(1, UserCommand.execute(new UserCommand.Request("remove", "ann", false, false), users,
        print, () -> null));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("Added user ann (full) in " + home.resolve("conf/vnc-users")), printed);
    assertTrue(printed.contains("ann  full\nbo   view-only\n"), printed);
    assertTrue(printed.contains("Removed user ann"), printed);
  }

  @Test
  void aBadIterationCountInTheConfigurationIsReported() throws IOException {
    Files.createDirectories(home.resolve("etc"));
    Files.writeString(home.resolve("etc/org.plugvnc.credentials.file.cfg"), "iterations = 5\n");
    IOException e = assertThrows(IOException.class, () -> UserCommand.directory(home));
    assertTrue(e.getMessage().contains("iterations outside 1000"), e.getMessage());
  }

  @Test
  void aPasswordLineIsReadUpToItsEndOnly() throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream("pä ss\r\nnext\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("pä ss", new String(PasswordInput.readLine(in)));
    assertEquals("next", new String(PasswordInput.readLine(in)));
    assertNull(PasswordInput.readLine(in));
    byte[] tooLong = new byte[PasswordInput.MAX_BYTES + 1];
    java.util.Arrays.fill(tooLong, (byte) 'a');
    assertThrows(IllegalArgumentException.class, () -> PasswordInput.readLine(new ByteArrayInputStream(tooLong)));
    assertThrows(IllegalArgumentException.class,
        () -> PasswordInput.read(true, new ByteArrayInputStream("\n".getBytes()), System.err));
  }
}
