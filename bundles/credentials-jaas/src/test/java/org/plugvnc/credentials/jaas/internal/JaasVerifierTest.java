package org.plugvnc.credentials.jaas.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.callback.ConfirmationCallback;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plugvnc.api.security.Identity;

/** The verifier against a real JAAS configuration file and login module, as a container runs them. */
class JaasVerifierTest {

  private static final String REALM = "plugvnc-test";

  @TempDir Path directory;
  private Path file;

  @BeforeEach
  void writeConfiguration() throws IOException {
    file = directory.resolve("jaas.conf");
    write("""
        alice="s3cret,admin"
        bob="look,vnc-viewer"
        carol="both,vnc-viewer,vnc"
        dave="nothing,other"
        admin="named,users"
        """);
  }

  private void write(String users) throws IOException {
    Files.writeString(file, REALM + " {\n  " + TestLoginModule.class.getName() + " required\n"
        + users.indent(4).stripTrailing() + ";\n};\n");
  }

  private JaasVerifier verifier() {
    return new JaasVerifier(REALM, new JaasConfigFile(file), RoleRights.of("admin,vnc", "vnc-viewer",
        TestLoginModule.RolePrincipal.class.getName()));
  }

  private static Optional<Identity> check(JaasVerifier verifier, String user, String password) {
    return verifier.verify(user, password.toCharArray());
  }

  @Test
  void rolesGiveTheirRights() {
    JaasVerifier verifier = verifier();
    assertEquals(Optional.of(new Identity("alice", false)), check(verifier, "alice", "s3cret"));
    assertEquals(Optional.of(new Identity("bob", true)), check(verifier, "bob", "look"));
    assertEquals(Optional.of(new Identity("carol", false)), check(verifier, "carol", "both"),
        "a full-access role wins over a view-only one");
  }

  @Test
  void aWrongPasswordOrAnUnknownUserIsRefused() {
    JaasVerifier verifier = verifier();
    assertEquals(Optional.empty(), check(verifier, "alice", "look"));
    assertEquals(Optional.empty(), check(verifier, "alice", "S3cret"));
    assertEquals(Optional.empty(), check(verifier, "mallory", "s3cret"));
    assertEquals(Optional.empty(), check(verifier, "", "s3cret"));
    assertEquals(Optional.empty(), verifier.verify("alice", new char[0]));
    assertEquals(Optional.empty(), verifier.verify("alice", new char[JaasVerifier.MAX_PASSWORD_LENGTH + 1]));
  }

  @Test
  void aUserWithNeitherRoleIsRefused() {
    JaasVerifier verifier = verifier();
    assertEquals(Optional.empty(), check(verifier, "dave", "nothing"));
    assertEquals(Optional.empty(), check(verifier, "admin", "named"),
        "the user's own principal named admin is not a role");
  }

  @Test
  void onlyTheConfiguredPrincipalClassesAreRoles() {
    JaasVerifier karafOnly = new JaasVerifier(REALM, new JaasConfigFile(file),
        RoleRights.of("admin,vnc", "vnc-viewer", JaasVerifier.KARAF_ROLE_PRINCIPAL));
    assertEquals(Optional.empty(), check(karafOnly, "alice", "s3cret"));

    RoleRights bySupertype = RoleRights.of("admin", "", java.security.Principal.class.getName());
    assertTrue(bySupertype.isRole(new TestLoginModule.RolePrincipal("admin")), "an interface's name counts");
  }

  @Test
  void anEditedFileAppliesToTheNextLogin() throws IOException {
    JaasVerifier verifier = verifier();
    assertEquals(Optional.of(new Identity("bob", true)), check(verifier, "bob", "look"));

    write("bob=\"changed,admin\"");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

    assertEquals(Optional.empty(), check(verifier, "bob", "look"));
    assertEquals(Optional.of(new Identity("bob", false)), check(verifier, "bob", "changed"));
    assertEquals(Optional.empty(), check(verifier, "alice", "s3cret"));
  }

  @Test
  void aMissingOrBrokenFileRefusesEveryone() throws IOException {
    JaasVerifier missing = new JaasVerifier(REALM, new JaasConfigFile(directory.resolve("none.conf")),
        RoleRights.of("admin", "", TestLoginModule.RolePrincipal.class.getName()));
    assertEquals(Optional.empty(), check(missing, "alice", "s3cret"));

    Files.writeString(file, "this is { not JAAS");
    assertEquals(Optional.empty(), check(verifier(), "alice", "s3cret"));
    assertThrows(IllegalStateException.class, () -> new JaasConfigFile(file).get());
  }

  @Test
  void anotherRealmOfTheFileIsNotUsed() {
    JaasVerifier other = new JaasVerifier("other", new JaasConfigFile(file),
        RoleRights.of("admin", "", TestLoginModule.RolePrincipal.class.getName()));
    assertEquals(Optional.empty(), check(other, "alice", "s3cret"));
  }

  @Test
  void theCallersPasswordAndClassLoaderAreLeftAsTheyWere() {
    ClassLoader mine = new ClassLoader(getClass().getClassLoader()) {};
    Thread.currentThread().setContextClassLoader(mine);
    try {
      char[] password = "s3cret".toCharArray();
      assertEquals(Optional.of(new Identity("alice", false)), verifier().verify("alice", password));
      assertArrayEquals("s3cret".toCharArray(), password);
      assertSame(mine, Thread.currentThread().getContextClassLoader());
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
  }

  @Test
  void theHandlerAnswersNameAndPasswordAndWipesItsCopies() throws Exception {
    char[] password = "s3cret".toCharArray();
    NameCallback name = new NameCallback("user: ");
    PasswordCallback secret = new PasswordCallback("password: ", false);
    try (PasswordHandler handler = new PasswordHandler("alice", password)) {
      handler.handle(new Callback[] {name, secret});
      assertEquals("alice", name.getName());
      assertArrayEquals(password, secret.getPassword());
      assertThrows(UnsupportedCallbackException.class, () -> handler.handle(new Callback[] {
          new ConfirmationCallback(ConfirmationCallback.INFORMATION, ConfirmationCallback.OK_CANCEL_OPTION,
              ConfirmationCallback.OK)}));
    }
    assertFalse(Arrays.equals(password, secret.getPassword()), "the callback's copy is wiped");
    assertArrayEquals("s3cret".toCharArray(), password, "the caller's array is the caller's");
  }

  @Test
  void theLogNeverHoldsAPassword() throws IOException {
    JaasVerifier verifier = verifier();
    check(verifier, "alice", "wrong-Pa55word");
    check(verifier, "dave", "nothing");
    check(verifier, "alice\nforged", "s3cret");
    String log = Files.readString(Path.of("target", "credentials-jaas-tests.log"));
    assertFalse(log.contains("wrong-Pa55word"), log);
    assertFalse(log.contains("nothing"), log);
    assertTrue(log.contains("JAAS login of user alice in realm " + REALM + " refused (FailedLoginException)"), log);
    assertTrue(log.contains("JAAS user dave in realm " + REALM + " logged in but has none of the roles"), log);
    assertTrue(log.contains("user alice?forged"), log);
  }
}
