package org.plugvnc.karaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * A random VNC password and its file, written by TigerVNC's {@code vncpasswd -f} (the format
 * plugvnc's password store and TigerVNC's viewer read), readable by its owner only. The password
 * is never printed.
 */
final class VncPasswordFile {

  private static final String LETTERS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final String password;
  private final Path file;

  private VncPasswordFile(String password, Path file) {
    this.password = password;
    this.file = file;
  }

  /** Creates {@code file} with a new random 8-character password. */
  static VncPasswordFile create(Path file) {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      password.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
      Process vncpasswd = new ProcessBuilder("vncpasswd", "-f")
          .redirectOutput(file.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      vncpasswd.getOutputStream().write((password + "\n").getBytes(StandardCharsets.US_ASCII));
      vncpasswd.getOutputStream().close();
      if (!vncpasswd.waitFor(20, TimeUnit.SECONDS) || vncpasswd.exitValue() != 0
          || Files.size(file) != 8) {
        throw new AssertionError("vncpasswd -f did not write an 8-byte password file");
      }
      return new VncPasswordFile(password.toString(), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  String password() {
    return password;
  }

  Path file() {
    return file;
  }
}
