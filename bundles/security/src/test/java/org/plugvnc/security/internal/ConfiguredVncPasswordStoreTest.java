package org.plugvnc.security.internal;

import org.plugvnc.api.files.PlugvncHome;
import org.plugvnc.api.files.SecretFiles;
import org.plugvnc.testsupport.CapturingOutput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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

  private static List<String> texts(ConfiguredVncPasswordStore store) {
    return store.passwords().stream().map(ConfiguredVncPasswordStoreTest::text).toList();
  }

  private static byte[] encode(String password) {
    return VncPasswordFormat.encode(password.getBytes(StandardCharsets.US_ASCII), null);
  }

  /** Lines of the test log that contain {@code fragment}; each test's home makes paths unique. */
  private static long logLines(String fragment) throws IOException {
    try (var lines = Files.lines(Path.of("target", "security-tests.log"))) {
      return lines.filter(l -> l.contains(fragment)).count();
    }
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
  void aRewrittenFileAppliesToTheNextCall() throws IOException {
    write("full", encode("secret12"));
    ConfiguredVncPasswordStore store = activate(new TestConfig("full", ""));
    assertEquals(List.of("secret12"), texts(store));
    write("full", encode("changed1"));
    assertEquals(List.of("changed1"), texts(store), "no sleep: the very next call sees it");
  }

  /** Same size, same inode, same last-modified time: only reading the content tells them apart. */
  @Test
  void twoRewritesWithinOneClockTickBothApply() throws IOException {
    FileTime tick = FileTime.fromMillis(1_700_000_000_000L);
    Path file = write("full", encode("secret12"));
    Files.setLastModifiedTime(file, tick);
    ConfiguredVncPasswordStore store = activate(new TestConfig("full", ""));
    assertEquals(List.of("secret12"), texts(store));
    write("full", encode("second12"));
    Files.setLastModifiedTime(file, tick);
    assertEquals(List.of("second12"), texts(store));
    write("full", encode("third123"));
    Files.setLastModifiedTime(file, tick);
    assertEquals(List.of("third123"), texts(store));
  }

  @Test
  void aFileTruncatedToAnInvalidLengthOffersNoPasswordUntilItIsValidAgain() throws IOException {
    write("full", encode("secret12"));
    ConfiguredVncPasswordStore store = activate(new TestConfig("full", ""));
    assertEquals(List.of("secret12"), texts(store));
    write("full", new byte[] {1, 2, 3});
    assertEquals(List.of(), texts(store), "never the old password");
    write("full", new byte[0]);
    assertEquals(List.of(), texts(store));
    write("full", encode("changed1"));
    assertEquals(List.of("changed1"), texts(store));
  }

  @Test
  void aDeletedFileOffersNoPassword() throws IOException {
    Path file = write("full", encode("secret12"));
    ConfiguredVncPasswordStore store = activate(new TestConfig("full", ""));
    assertEquals(List.of("secret12"), texts(store));
    Files.delete(file);
    assertEquals(List.of(), texts(store));
  }

  @Test
  void aDeletedDefaultFileOffersNoPasswordAndIsNotGeneratedAgain() {
    ConfiguredVncPasswordStore store = activate(TestConfig.DEFAULTS);
    assertEquals(1, store.passwords().size());
    assertTrue(home.resolve("data/vncpasswd").toFile().delete());
    assertEquals(List.of(), texts(store));
    assertFalse(Files.exists(home.resolve("data/vncpasswd")));
    assertEquals(1, printed().lines().count(), "one password generated, at activation");
  }

  @Test
  void aDirectoryInPlaceOfTheFileOffersNoPassword() throws IOException {
    Path file = write("full", encode("secret12"));
    ConfiguredVncPasswordStore store = activate(new TestConfig("full", ""));
    Files.delete(file);
    Files.createDirectory(file);
    assertEquals(List.of(), texts(store));
  }

  /**
   * A file that cannot be read. Not by its mode: the tests may run as root, who reads any file; a
   * link to itself fails every open with an I/O error ("too many levels of symbolic links").
   */
  @Test
  void anUnreadableFileOffersNoPassword() throws IOException {
    Path file = write("full", encode("secret12"));
    ConfiguredVncPasswordStore store = activate(new TestConfig("full", ""));
    assertEquals(List.of("secret12"), texts(store));
    Files.delete(file);
    Files.createSymbolicLink(file, file.getFileName());
    assertEquals(List.of(), texts(store));
  }

  @Test
  void theViewOnlyFileIsReadAgainToo() throws IOException {
    write("full", encode("secret12"));
    write("view", encode("watcher1"));
    ConfiguredVncPasswordStore store = activate(new TestConfig("full", "view"));
    assertEquals(List.of("secret12", "watcher1"), texts(store));
    write("view", encode("watcher2"));
    List<VncPassword> passwords = store.passwords();
    assertEquals("watcher2", text(passwords.get(1)));
    assertTrue(passwords.get(1).viewOnly());
    write("view", new byte[] {1, 2, 3});
    assertEquals(List.of("secret12"), texts(store));
    write("full", new byte[] {1, 2, 3});
    write("view", encode("watcher3"));
    passwords = store.passwords();
    assertEquals(List.of("watcher3"), passwords.stream().map(ConfiguredVncPasswordStoreTest::text).toList());
    assertTrue(passwords.get(0).viewOnly(), "a broken full-access file promotes nobody");
  }

  @Test
  void aBrokenFileIsLoggedOncePerChangeOfState() throws IOException {
    Path file = write("full", encode("secret12"));
    ConfiguredVncPasswordStore store = activate(new TestConfig("full", ""));
    long noneBefore = logLines("No VNC password is available");
    write("full", new byte[] {1, 2, 3});
    for (int i = 0; i < 20; i++) {
      assertTrue(store.passwords().isEmpty());
    }
    assertEquals(1, logLines(file + " cannot be used: it is 3 bytes long"));
    assertEquals(noneBefore + 1, logLines("No VNC password is available"), "once, not per viewer");
    write("full", encode("secret12"));
    store.passwords();
    store.passwords();
    assertEquals(1, logLines(file + " is valid again"));
    Files.delete(file);
    store.passwords();
    store.passwords();
    assertEquals(1, logLines(file + " does not exist"));
    assertEquals(1, logLines(file + " cannot be used"));
  }

  @Test
  void aGroupReadableFileIsWarnedOncePerChange() throws IOException {
    Path file = write("open", encode("secret12"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    ConfiguredVncPasswordStore store = activate(new TestConfig("open", ""));
    for (int i = 0; i < 20; i++) {
      assertEquals(List.of("secret12"), texts(store));
    }
    assertEquals(1, logLines(file + " is readable by group or others"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    store.passwords();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    store.passwords();
    store.passwords();
    assertEquals(2, logLines(file + " is readable by group or others"));
  }

  @Test
  void tellsGroupReadableFilesApart() throws IOException {
    Path file = write("open", new byte[8]);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertTrue(SecretFiles.readableByOthers(file));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertFalse(SecretFiles.readableByOthers(file));
  }

  @Test
  void theHomeIsPlugvncHomeThenKarafDataThenTheWorkingDirectory() {
    assertEquals(Path.of("/srv/vnc"), PlugvncHome.of(
        k -> k.equals("plugvnc.home") ? "/srv/vnc" : "/opt/karaf/data"));
    assertEquals(Path.of("/opt/karaf/data", "plugvnc"), PlugvncHome.of(
        k -> k.equals("karaf.data") ? "/opt/karaf/data" : null));
    assertEquals(Path.of("."), PlugvncHome.of(k -> null));
  }

  @Test
  void writtenPasswordsGrantAccessFromTheNextCallAndStayOwnerOnly() throws IOException {
    write("full", encode("secret12"));
    ConfiguredVncPasswordStore store = activate(new TestConfig("full", ""));
    char[] full = "n3wpass!".toCharArray();
    char[] view = "watching".toCharArray();
    String where = store.write(full, view);
    assertEquals(home.resolve("full").toAbsolutePath().toString(), where);
    List<VncPassword> passwords = store.passwords();
    assertEquals(List.of("n3wpass!", "watching"), passwords.stream().map(ConfiguredVncPasswordStoreTest::text).toList());
    assertEquals(List.of(false, true), passwords.stream().map(VncPassword::viewOnly).toList());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("full"))));
    assertEquals("n3wpass!", new String(full), "the caller's arrays are the caller's to wipe");
    store.write("only0ne!".toCharArray(), null);
    assertEquals(List.of("only0ne!"), texts(store));
  }

  @Test
  void aWrittenPasswordIsNeverLogged() throws IOException {
    ConfiguredVncPasswordStore store = activate(new TestConfig("", ""));
    store.write("Zq8hidden".toCharArray(), "Yv2hidden".toCharArray());
    assertEquals(0, logLines("Zq8hidden"));
    assertEquals(0, logLines("Yv2hidden"));
    assertTrue(logLines("The VNC passwords in " + home.resolve("data").resolve("vncpasswd")) >= 1);
  }

  @Test
  void anEmptyOrNonLatin1PasswordIsRefusedAndTheOldOneStays() throws IOException {
    write("full", encode("secret12"));
    ConfiguredVncPasswordStore store = activate(new TestConfig("full", ""));
    assertThrows(IllegalArgumentException.class,
        () -> store.write(new char[0], null));
    assertThrows(IllegalArgumentException.class,
        () -> store.write("pass\u20ac".toCharArray(), null));
    assertEquals(List.of("secret12"), texts(store));
  }
}
