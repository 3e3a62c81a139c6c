package org.plugvnc.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * File-system side of VNC password files: bounded reads, owner-only atomic writes, and new random
 * passwords. Knows nothing of the file format ({@link VncPasswordFormat}) or of logging.
 */
final class VncPasswordFiles {

  /** Letters and digits without look-alikes (0/O/o, 1/l/I), so a password read aloud survives. */
  static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

  /** Length of a generated password: the 8 bytes VNC Authentication uses. */
  static final int GENERATED_LENGTH = 8;

  private VncPasswordFiles() {}

  /**
   * Reads at most {@link VncPasswordFormat#MAX_LENGTH} + 1 bytes of {@code file}: enough to tell a
   * valid file from one that is too long, without trusting the file's size.
   *
   * @throws IOException if the file cannot be read
   */
  static byte[] readBounded(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(VncPasswordFormat.MAX_LENGTH + 1);
    }
  }

  /** Whether group or others may read {@code file}; false where the file system has no POSIX modes. */
  static boolean readableByOthers(Path file) throws IOException {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
      return false;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    return permissions.contains(PosixFilePermission.GROUP_READ)
        || permissions.contains(PosixFilePermission.OTHERS_READ);
  }

  /** Whether files created in {@code directory} get owner-only POSIX modes from this class. */
  static boolean isPosix(Path directory) {
    return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Writes {@code content} to {@code file} so that no reader ever sees a partial file and, on POSIX
   * file systems, nobody but the owner can read it at any moment: a temporary file is created in
   * the same directory with mode rw------- and renamed over {@code file}. Missing directories are
   * created with mode rwx------.
   *
   * @throws IOException if the directory or the file cannot be written; no partial file remains
   */
  static void writeOwnerOnly(Path file, byte[] content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    boolean posix = isPosix(directory);
    Files.createDirectories(directory, attributes(posix, "rwx------"));
    Path temporary = Files.createTempFile(directory, ".vncpasswd-", ".tmp", attributes(posix, "rw-------"));
    try {
      Files.write(temporary, content);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static FileAttribute<?>[] attributes(boolean posix, String mode) {
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
        : new FileAttribute<?>[0];
  }

  /** A new password of {@link #GENERATED_LENGTH} characters from {@link #ALPHABET}. */
  static char[] generatePassword(SecureRandom random) {
    char[] password = new char[GENERATED_LENGTH];
    for (int i = 0; i < password.length; i++) {
      password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return password;
  }
}
