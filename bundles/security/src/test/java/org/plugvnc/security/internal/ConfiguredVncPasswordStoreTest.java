package org.plugvnc.security.internal;

import org.plugvnc.testsupport.CapturingOutput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.SecurityHandshake;
import org.plugvnc.api.security.VncPasswordStore.VncPassword;

/** The store constructed directly, with a temporary plugvnc.home. */
class ConfiguredVncPasswordStoreTest {

  private static final Pattern GENERATED =
      Pattern.compile("plugvnc: generated VNC password: (\\S+) \\(kept in (.+), readable only by you\\)");

  @TempDir
  Path home;

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private ConfiguredVncPasswordStore activate(TestConfig config) {
    return new ConfiguredVncPasswordStore(home, config, new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return console.toString(StandardCharsets.UTF_8);
  }

  private static String text(VncPassword password) {
    return new String(password.secret(), StandardCharsets.US_ASCII);
  }

  private Path write(String name, byte[] content) throws IOException {
    Path file = home.resolve(name);
    Files.write(file, content);
    return file;
  }

  @Test
  void generatesAnOwnerOnlyPasswordFileAndPrintsItOnce() throws IOException {
    ConfiguredVncPasswordStore store = activate(TestConfig.DEFAULTS);
    Path file = home.resolve("data").resolve("vncpasswd");
    assertTrue(Files.isRegularFile(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    assertEquals(8, Files.size(file));
    try (var listing = Files.list(file.getParent())) {
      assertEquals(1, listing.count(), "no temporary file is left behind");
    }

    String output = printed();
    Matcher line = GENERATED.matcher(output.trim());
    assertTrue(line.matches(), output);
    String password = line.group(1);
    assertEquals(file.toAbsolutePath().toString(), line.group(2));
    assertTrue(password.matches("[" + VncPasswordFiles.ALPHABET + "]{8}"), password);
    assertEquals(1, output.lines().count());

    assertEquals(password, new String(
        VncPasswordFormat.decode(Files.readAllBytes(file)).get(0), StandardCharsets.US_ASCII));
    List<VncPassword> passwords = store.passwords();
    assertEquals(1, passwords.size());
    assertEquals(password, text(passwords.get(0)));
    assertFalse(passwords.get(0).viewOnly());
  }

  @Test
  void thePasswordIsNeverLogged() throws IOException {
    activate(TestConfig.DEFAULTS);
    Matcher line = GENERATED.matcher(printed().trim());
    assertTrue(line.matches());
    String log = Files.readString(Path.of("target", "security-tests.log"));
    assertTrue(log.contains("Generated a random VNC password in " + home.resolve("data/vncpasswd")), log);
    assertFalse(log.contains(line.group(1)), "the log holds the password");
  }

  @Test
  void aSecondActivationReusesTheFileSilently() throws IOException {
    String first = text(activate(TestConfig.DEFAULTS).passwords().get(0));
    byte[] content = Files.readAllBytes(home.resolve("data/vncpasswd"));
    console.reset();
    ConfiguredVncPasswordStore again = activate(TestConfig.DEFAULTS);
    assertEquals("", printed());
    assertEquals(first, text(again.passwords().get(0)));
    assertArrayEquals(content, Files.readAllBytes(home.resolve("data/vncpasswd")));
  }

  @Test
  void generatedPasswordPassesTheHandshake() {
    ConfiguredVncPasswordStore store = activate(TestConfig.DEFAULTS);
    Matcher line = GENERATED.matcher(printed().trim());
    assertTrue(line.matches());
    SecurityHandshake handshake =
        new VncAuthSecurityFactory(store).create(new TestSecurityContext());
    CapturingOutput out = new CapturingOutput();
    handshake.start(out);
    byte[] response = SpecVncAuthClient.response(out.bytes(), line.group(1));
    assertEquals(HandshakeResult.Status.SUCCESS,
        handshake.receive(ByteBuffer.wrap(response), out).status());
  }

  @Test
  void aFileOfFiveBytesIsRefused() throws IOException {
    write("short", new byte[] {1, 2, 3, 4, 5});
    assertTrue(activate(new TestConfig("short", "")).passwords().isEmpty());
  }

  @Test
  void aDefaultFileOfFiveBytesIsRefusedAndNotReplaced() throws IOException {
    Files.createDirectories(home.resolve("data"));
    write("data/vncpasswd", new byte[] {1, 2, 3, 4, 5});
    assertTrue(activate(TestConfig.DEFAULTS).passwords().isEmpty());
    assertEquals(5, Files.size(home.resolve("data/vncpasswd")));
    assertEquals("", printed());
  }

  @Test
  void aMissingConfiguredFileIsNotGenerated() {
    assertTrue(activate(new TestConfig("etc/missing", "")).passwords().isEmpty());
    assertFalse(Files.exists(home.resolve("etc/missing")));
    assertFalse(Files.exists(home.resolve("data/vncpasswd")));
    assertEquals("", printed());
  }

  @Test
  void readsBothPasswordsOfAVncpasswdFile() throws IOException {
    write("both", VncPasswordFormat.encode(
        "secret12".getBytes(StandardCharsets.US_ASCII), "viewonly".getBytes(StandardCharsets.US_ASCII)));
    List<VncPassword> passwords = activate(new TestConfig("both", "")).passwords();
    assertEquals(2, passwords.size());
    assertEquals("secret12", text(passwords.get(0)));
    assertFalse(passwords.get(0).viewOnly());
    assertEquals("viewonly", text(passwords.get(1)));
    assertTrue(passwords.get(1).viewOnly());
  }

  @Test
  void aSeparateViewOnlyFileComesAfterTheFullAccessPassword() throws IOException {
    write("view", VncPasswordFormat.encode("watcher1".getBytes(StandardCharsets.US_ASCII), null));
    write("full", VncPasswordFormat.encode("secret12".getBytes(StandardCharsets.US_ASCII), null));
    List<VncPassword> passwords = activate(new TestConfig(home.resolve("full").toString(), "view")).passwords();
    assertEquals(List.of("secret12", "watcher1"), passwords.stream().map(ConfiguredVncPasswordStoreTest::text).toList());
    assertEquals(List.of(false, true), passwords.stream().map(VncPassword::viewOnly).toList());
  }

  @Test
  void modifiedReadsTheFilesAgain() throws IOException {
    write("full", VncPasswordFormat.encode("secret12".getBytes(StandardCharsets.US_ASCII), null));
    ConfiguredVncPasswordStore store = activate(new TestConfig("full", ""));
    write("other", VncPasswordFormat.encode("changed1".getBytes(StandardCharsets.US_ASCII), null));
    store.modified(new TestConfig("other", ""));
    assertEquals("changed1", text(store.passwords().get(0)));
    store.deactivate();
    assertTrue(store.passwords().isEmpty());
  }

  @Test
  void callersGetCopies() throws IOException {
    write("full", VncPasswordFormat.encode("secret12".getBytes(StandardCharsets.US_ASCII), null));
    ConfiguredVncPasswordStore store = activate(new TestConfig("full", ""));
    Arrays.fill(store.passwords().get(0).secret(), (byte) 0);
    assertEquals("secret12", text(store.passwords().get(0)));
  }

  @Test
  void tellsGroupReadableFilesApart() throws IOException {
    Path file = write("open", new byte[8]);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertTrue(VncPasswordFiles.readableByOthers(file));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertFalse(VncPasswordFiles.readableByOthers(file));
  }
}
