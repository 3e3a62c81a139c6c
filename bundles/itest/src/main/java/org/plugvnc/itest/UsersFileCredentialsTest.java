package org.plugvnc.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.plugvnc.api.security.CredentialVerifier;
import org.plugvnc.api.security.Identity;

/**
 * The users-file bundle in the framework, unconfigured: it reads {@code ${plugvnc.home}/etc/users},
 * here written by the test's own PBKDF2 line (independent of the bundle's writer), and picks up a
 * rewrite without a restart.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class UsersFileCredentialsTest {

  @InjectBundleContext
  BundleContext context;

  @InjectService(filter = "(plugvnc.credentials=file)", timeout = 5000)
  CredentialVerifier verifier;

  @Test
  void usersOfTheDefaultFileGetTheirRights() throws Exception {
    Path file = Path.of(context.getProperty("plugvnc.home"), "etc", "users");
    Files.createDirectories(file.getParent());
    write(file, line("alice", "full", "s3cret") + line("guest", "view-only", "look"));

    assertEquals(Optional.of(new Identity("alice", false)), verifier.verify("alice", "s3cret".toCharArray()));
    assertEquals(Optional.of(new Identity("guest", true)), verifier.verify("guest", "look".toCharArray()));
    assertEquals(Optional.empty(), verifier.verify("alice", "look".toCharArray()));
    assertEquals(Optional.empty(), verifier.verify("mallory", "s3cret".toCharArray()));

    write(file, line("alice", "view-only", "changed"));
    assertEquals(Optional.empty(), verifier.verify("alice", "s3cret".toCharArray()));
    assertEquals(Optional.of(new Identity("alice", true)), verifier.verify("alice", "changed".toCharArray()));
    assertEquals(Optional.empty(), verifier.verify("guest", "look".toCharArray()));
  }

  private static void write(Path file, String content) throws Exception {
    Path temporary = file.resolveSibling("users.tmp");
    Files.writeString(temporary, "# written by the test\n" + content);
    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static String line(String name, String rights, String password) throws Exception {
    byte[] salt = new byte[16];
    new java.security.SecureRandom().nextBytes(salt);
    byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 1000, 256)).getEncoded();
    Base64.Encoder b64 = Base64.getEncoder();
    return name + ":" + rights + ":pbkdf2-sha256:1000:" + b64.encodeToString(salt) + ":"
        + b64.encodeToString(hash) + "\n";
  }
}
