package org.plugvnc.security.internal;

import org.plugvnc.api.files.SecretFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.plugvnc.api.security.VncPasswordStore.VncPassword;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watched VNC password file: read again at every {@link #read()}, so that a file rewritten with
 * {@code vncpasswd -f} while the server runs applies to the next viewer and a broken file never
 * leaves its old password in force.
 *
 * <p>Why read each time rather than watch (last-modified time, size, file key): {@code vncpasswd
 * -f > file} rewrites the same inode with the same 8 or 16 bytes, and two such writes within one
 * tick of the file system's clock look identical by those attributes, so the second password would
 * be missed. The file is at most 17 bytes; reading it costs about the stat a watcher needs anyway,
 * and is the only way to be always right.
 *
 * <p>What it logs, it logs once per change of state (file name and problem, never a password), so
 * that a viewer guessing passwords as fast as it can does not flood the log. Safe for concurrent
 * calls from several I/O threads: the state is kept in atomics, and each change is logged by the
 * one thread that made it.
 */
final class PasswordFileSource {

  private static final Logger LOG = LoggerFactory.getLogger(PasswordFileSource.class);

  private final Path file;
  private final boolean allViewOnly;

  /** The problem last seen with the file, {@code null} while it is fine. */
  private final AtomicReference<String> lastProblem = new AtomicReference<>();

  /** Whether the file was last seen readable by group or others. */
  private final AtomicBoolean lastOpen = new AtomicBoolean();

  /**
   * @param file the file to read
   * @param allViewOnly true when every password in the file grants view-only access; otherwise
   *     only the second one does, as in {@code vncpasswd -f}'s format
   */
  PasswordFileSource(Path file, boolean allViewOnly) {
    this.file = file;
    this.allViewOnly = allViewOnly;
  }

  /**
   * The passwords the file holds now, as fresh arrays the caller owns and wipes: the first is
   * full-access (unless all are view-only), the second view-only. A file that is missing,
   * unreadable or not in the format yields none; an empty password in it is skipped.
   */
  List<VncPassword> read() {
    byte[] content = null;
    try {
      content = VncPasswordFiles.readBounded(file);
      noteOpen(SecretFiles.readableByOthers(file));
      List<byte[]> secrets = VncPasswordFormat.decode(content);
      List<VncPassword> result = new ArrayList<>(2);
      for (int i = 0; i < secrets.size(); i++) {
        if (secrets.get(i).length > 0) {
          result.add(new VncPassword(secrets.get(i), allViewOnly || i == 1));
        }
      }
      note(result.size() < secrets.size() ? "holds an empty password, which is ignored" : null);
      return result;
    } catch (IOException e) {
      noteOpen(false);
      note(problemOf(e) + "; it offers no password");
      return List.of();
    } catch (IllegalArgumentException e) {
      note("cannot be used: it " + e.getMessage() + "; it offers no password");
      return List.of();
    } finally {
      if (content != null) {
        Arrays.fill(content, (byte) 0);
      }
    }
  }

  private static String problemOf(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "cannot be read: permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return "cannot be read: " + f.getReason();
    }
    return "cannot be read: " + e.getMessage();
  }

  /** Logs {@code problem} ({@code null}: none) if it differs from the one seen last time. */
  private void note(String problem) {
    String previous = lastProblem.getAndSet(problem);
    if (Objects.equals(previous, problem)) {
      return;
    }
    if (problem != null) {
      LOG.error("VNC password file {} {}", file, problem);
    } else {
      LOG.info("VNC password file {} is valid again; its passwords are used", file);
    }
  }

  /** Warns when the file becomes readable by group or others; a file made private again is quiet. */
  private void noteOpen(boolean open) {
    if (lastOpen.getAndSet(open) != open && open) {
      LOG.warn("VNC password file {} is readable by group or others; restrict it (chmod 600)", file);
    }
  }
}
