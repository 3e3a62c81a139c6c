package org.plugvnc.transport.unix.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;

/**
 * The socket file's life on disk: what may be replaced before binding, how the file is made
 * owner-only before anyone can reach it, and that only our own file is removed at the end.
 *
 * <p>Binding creates the file with the process's umask, so a plain bind-then-chmod leaves a
 * moment in which another local user may connect. Here the socket is bound inside a fresh
 * directory of mode 0700 next to the final path, made 0600 there, and only then renamed into
 * place: nobody else can reach it before its mode is final. Renaming keeps the bound socket (a
 * connection finds the socket by its inode).
 */
final class SocketFile {

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_DIRECTORY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  /** S_IFMT and S_IFSOCK of st_mode, as {@code unix:mode} reports them. */
  private static final int TYPE_MASK = 0170000;
  private static final int SOCKET_TYPE = 0140000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path path;
  private Object fileKey;

  SocketFile(Path path) {
    this.path = path.toAbsolutePath().normalize();
  }

  Path path() {
    return path;
  }

  /**
   * Makes room for the socket: creates missing parent directories owner-only (0700), and removes
   * a socket file left by a run that ended without removing it, but only when it is a socket and
   * nobody answers on it.
   *
   * @throws IOException if the path is taken by something else (another file, or a socket that
   *     answers: another server runs there), or the directory cannot be created
   */
  void prepare() throws IOException {
    Path parent = path.getParent();
    if (!Files.isDirectory(parent)) {
      Files.createDirectories(parent, PRIVATE_DIRECTORY);
    }
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!isSocket(path)) {
      throw new FileAlreadyExistsException(path.toString(), null,
          "exists and is not a socket: left as it is");
    }
    if (answers(path)) {
      throw new FileAlreadyExistsException(path.toString(), null,
          "another process accepts connections on this socket");
    }
    Files.delete(path);
  }

  /**
   * A private place to bind in: a new directory of mode 0700 in the socket's directory, so that
   * the rename into place stays within one file system. Its name is short ({@code .pv-} and six
   * random characters, the socket {@code s} in it) because a Unix socket's path is limited to
   * about 107 bytes, and the bind path must fit as well as the final one.
   */
  Path privateBindPath() throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path dir = path.getParent().resolve(".pv-" + randomName());
      try {
        Files.createDirectory(dir, PRIVATE_DIRECTORY);
        return dir.resolve("s");
      } catch (FileAlreadyExistsException taken) {
        if (attempt == 10) {
          throw taken;
        }
      }
    }
  }

  private static String randomName() {
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      name.append(letters.charAt(RANDOM.nextInt(letters.length())));
    }
    return name.toString();
  }

  /** Makes the socket bound at {@code bound} owner-only and moves it to the final path. */
  void publish(Path bound) throws IOException {
    try {
      Files.setPosixFilePermissions(bound, OWNER_ONLY);
      Files.move(bound, path, StandardCopyOption.ATOMIC_MOVE);
      fileKey = key(path);
    } finally {
      discardPrivate(bound);
    }
  }

  /** Removes what {@link #privateBindPath()} made. */
  static void discardPrivate(Path bound) throws IOException {
    Files.deleteIfExists(bound);
    Files.deleteIfExists(bound.getParent());
  }

  /**
   * Removes the socket file if it is still the one {@link #publish} put there (not one a later
   * start put in its place).
   *
   * @return whether it was removed
   */
  boolean remove() throws IOException {
    Object ours = fileKey;
    fileKey = null;
    if (ours != null && Files.exists(path, LinkOption.NOFOLLOW_LINKS)
        && Objects.equals(ours, key(path))) {
      Files.delete(path);
      return true;
    }
    return false;
  }

  static boolean isSocket(Path file) throws IOException {
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return (mode & TYPE_MASK) == SOCKET_TYPE;
    } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
      // without the "unix" view a socket is one of the "other" files (not a file, directory or link)
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .isOther();
    }
  }

  /** Whether a server accepts connections on the socket file; only a refusal means stale. */
  static boolean answers(Path socket) throws IOException {
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(socket));
      return true;
    } catch (ConnectException refused) {
      return false;
    }
  }

  private static Object key(Path file) throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
  }
}
