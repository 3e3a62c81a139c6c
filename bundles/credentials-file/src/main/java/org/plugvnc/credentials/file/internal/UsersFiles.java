package org.plugvnc.credentials.file.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * File-system side of users files: bounded reads and owner-only atomic writes. Knows nothing of
 * the line format or of logging.
 */
final class UsersFiles {

  private UsersFiles() {}

  /**
   * At most {@link UsersFileFormat#MAX_FILE_BYTES} + 1 bytes of {@code file}: enough to tell a
   * file that is too long, without trusting its size.
   */
  static byte[] readBounded(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(UsersFileFormat.MAX_FILE_BYTES + 1);
    }
  }

  /** Whether {@code permissions} let group or others read or write the file. */
  static boolean openToOthers(Set<PosixFilePermission> permissions) {
    return permissions.contains(PosixFilePermission.GROUP_READ)
        || permissions.contains(PosixFilePermission.OTHERS_READ)
        || permissions.contains(PosixFilePermission.GROUP_WRITE)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE);
  }

  /** Whether files created in {@code directory} get POSIX modes. */
  static boolean isPosix(Path directory) {
    return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Replaces {@code file} with {@code content} so that no reader ever sees a partial file and, on
   * POSIX file systems, nobody but the owner can read it at any moment: a temporary file with mode
   * rw------- in the same directory is renamed over it. Missing directories are created rwx------.
   *
   * @throws IOException if the directory or file cannot be written; no temporary file remains
   */
  static void writeOwnerOnly(Path file, byte[] content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    boolean posix = isPosix(directory);
    Files.createDirectories(directory, attributes(posix, "rwx------"));
    Path temporary = Files.createTempFile(directory, ".users-", ".tmp", attributes(posix, "rw-------"));
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
}
