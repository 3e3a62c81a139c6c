package org.plugvnc.credentials.file.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.plugvnc.api.files.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One users file, parsed again whenever its size, modification time or file key changes. Unlike
 * an 8-byte VNC password file, a users file is rewritten by {@link UsersFileManager} through a
 * rename (a new file key every time) and each line carries its own random salt, so a change that
 * keeps all three is not a change worth missing. The permissions are checked at every call (the
 * same stat), so a file opened to others stops letting anyone in at once.
 *
 * <p>Problems are logged once per change of state, with the file name and line number, never a
 * salt, hash or password. Safe for concurrent calls: the parsed state is one immutable snapshot.
 */
final class UsersFileSource {

  private static final Logger LOG = LoggerFactory.getLogger(UsersFileSource.class);

  /** What a read found: the users, or none and why, and the attributes it was read at. */
  private record Snapshot(Object stamp, Map<String, UserEntry> users, String problem) {}

  private final Path file;
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(null, Map.of(), null));
  private final AtomicReference<String> lastProblem = new AtomicReference<>();

  UsersFileSource(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** The users the file holds now, by name; empty when it is missing, unreadable or open to others. */
  Map<String, UserEntry> users() {
    Snapshot current = current();
    note(current.problem());
    return current.users();
  }

  private Snapshot current() {
    BasicFileAttributes attributes;
    boolean open;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
      open = attributes instanceof PosixFileAttributes posix
          ? openToOthers(posix.permissions())
          : posixOpen();
    } catch (IOException e) {
      return remember(new Snapshot(null, Map.of(), problemOf(e)));
    }
    if (open) {
      return remember(new Snapshot(null, Map.of(),
          "is readable or writable by group or others, so no one is let in; restrict it (chmod 600)"));
    }
    Object stamp = java.util.List.of(attributes.size(), attributes.lastModifiedTime(),
        Objects.requireNonNullElse(attributes.fileKey(), ""));
    Snapshot last = snapshot.get();
    if (stamp.equals(last.stamp())) {
      return last;
    }
    return remember(parse(stamp));
  }

  /** Where the default attribute view is not POSIX, ask for it separately (or trust the platform). */
  private boolean posixOpen() throws IOException {
    if (!SecretFiles.isPosix(file.toAbsolutePath().getParent())) {
      return false;
    }
    return openToOthers(Files.readAttributes(file, PosixFileAttributes.class).permissions());
  }

  /**
   * Whether {@code permissions} let group or others read or write the file. Stricter than {@link
   * SecretFiles#readableByOthers}: whoever may write a users file may add a user to it.
   */
  static boolean openToOthers(Set<PosixFilePermission> permissions) {
    return permissions.contains(PosixFilePermission.GROUP_READ)
        || permissions.contains(PosixFilePermission.OTHERS_READ)
        || permissions.contains(PosixFilePermission.GROUP_WRITE)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE);
  }

  private Snapshot remember(Snapshot next) {
    snapshot.set(next);
    return next;
  }

  private Snapshot parse(Object stamp) {
    byte[] content;
    try {
      content = SecretFiles.readBounded(file, UsersFileFormat.MAX_FILE_BYTES);
    } catch (IOException e) {
      return new Snapshot(null, Map.of(), problemOf(e));
    }
    if (content.length > UsersFileFormat.MAX_FILE_BYTES) {
      return new Snapshot(stamp, Map.of(), "is longer than " + UsersFileFormat.MAX_FILE_BYTES
          + " bytes, so no one is let in");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      return new Snapshot(stamp, Map.of(), "is not UTF-8 text, so no one is let in");
    } finally {
      KeyDerivation.wipe(content);
    }
    Map<String, UserEntry> users = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (UsersFileFormat.isIgnorable(lines[i])) {
        continue;
      }
      try {
        UserEntry entry = UsersFileFormat.parse(lines[i]);
        if (users.putIfAbsent(entry.name(), entry) != null) {
          LOG.warn("Users file {} line {} repeats user {}; the first entry counts", file, i + 1, entry.name());
        }
      } catch (IllegalArgumentException e) {
        LOG.warn("Users file {} line {} is skipped: it {}", file, i + 1, e.getMessage());
      }
    }
    LOG.info("Users file {} read: {} user{}", file, users.size(), users.size() == 1 ? "" : "s");
    return new Snapshot(stamp, Map.copyOf(users), null);
  }

  /** A missing file is where every install starts: no user yet, which is not a fault. */
  private static final String MISSING = "does not exist (yet), so no one logs in with a user name; "
      + "'java -jar plugvnc.jar user add NAME' or 'vnc:user add NAME' creates it";

  private static String problemOf(IOException e) {
    if (e instanceof NoSuchFileException) {
      return MISSING;
    }
    if (e instanceof AccessDeniedException) {
      return "cannot be read (permission denied), so no one is let in";
    }
    return "cannot be read (" + e.getClass().getSimpleName() + "), so no one is let in";
  }

  /** Logs {@code problem} ({@code null}: none) when it differs from the one seen last time. */
  private void note(String problem) {
    String previous = lastProblem.getAndSet(problem);
    if (Objects.equals(previous, problem)) {
      return;
    }
    if (MISSING.equals(problem)) {
      LOG.info("Users file {} {}", file, problem);
    } else if (problem != null) {
      LOG.warn("Users file {} {}", file, problem);
    } else if (previous != null) {
      LOG.info("Users file {} can be used again", file);
    }
  }
}
