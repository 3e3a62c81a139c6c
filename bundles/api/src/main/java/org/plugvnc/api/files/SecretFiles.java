package org.plugvnc.api.files;

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
import java.util.Set;

/**
 * Files holding secrets (passwords, private keys, users): written atomically and readable only by
 * their owner, read with a bound, and refused when others may read them. Knows nothing of any
 * format and logs nothing.
 */
public final class SecretFiles {

  private SecretFiles() {}

  /**
   * Reads at most {@code limit} + 1 bytes of {@code file}: enough to tell a file within the limit
   * from one that is too long, without trusting the file's size.
   *
   * @throws IOException if the file cannot be read
   */
  public static byte[] readBounded(Path file, int limit) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(limit + 1);
    }
  }

  /** Whether group or others may read {@code file}; false where the file system has no POSIX modes. */
  public static boolean readableByOthers(Path file) throws IOException {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
      return false;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    return permissions.contains(PosixFilePermission.GROUP_READ)
        || permissions.contains(PosixFilePermission.OTHERS_READ);
  }

  /** Whether files created in {@code directory} get owner-only POSIX modes from this class. */
  public static boolean isPosix(Path directory) {
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
  public static void writeOwnerOnly(Path file, byte[] content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    boolean posix = isPosix(directory);
    Files.createDirectories(directory, attributes(posix, "rwx------"));
    Path temporary = Files.createTempFile(directory, ".plugvnc-", ".tmp", attributes(posix, "rw-------"));
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
