package org.plugvnc.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's home directory:
 *
 * <pre>
 * ${plugvnc.home}/etc/*.cfg            configuration, one file per PID, watched by fileinstall
 * ${plugvnc.home}/data/                secrets written by the bundles (e.g. the VNC password)
 * ${plugvnc.home}/data/felix-cache/    the framework's bundle cache, wiped on every start
 * </pre>
 */
final class HomeLayout {

  /** Where the example configuration sits among the launcher's resources. */
  static final String EXAMPLES = "etc/";

  private final Path home;

  HomeLayout(Path home) {
    this.home = home;
  }

  Path home() {
    return home;
  }

  Path etc() {
    return home.resolve("etc");
  }

  Path data() {
    return home.resolve("data");
  }

  Path frameworkCache() {
    return data().resolve("felix-cache");
  }

  /**
   * Creates the home, {@code etc/} and {@code data/} when they are missing; existing content is
   * left alone. A new {@code data/} holds secrets, so on a POSIX file system only its owner may
   * enter it.
   *
   * @throws IOException when a directory cannot be created (e.g. a file is in the way)
   */
  void create() throws IOException {
    Files.createDirectories(etc());
    boolean posix = data().getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(data()) && posix) {
      Files.createDirectories(data(),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(data());
    }
  }

  /**
   * Why {@code data/} is unsafe, or empty: whoever may write to it can put a password file with a
   * password they know in place of the real one.
   */
  Optional<String> dataProblem() throws IOException {
    if (!data().getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Optional.empty();
    }
    Set<PosixFilePermission> p = Files.getPosixFilePermissions(data());
    if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
      return Optional.of(data() + " is writable by group or others (" + PosixFilePermissions.toString(p)
          + "); they could replace the VNC password file: chmod 700 " + data());
    }
    return Optional.empty();
  }

  /**
   * On a first run (no {@code *.cfg} in {@code etc/}), copies the commented example
   * configuration there so that a user finds every option documented next to where it is set.
   * The examples have every key commented out, so the components' defaults still apply. A
   * component that does something only once configured (a capture backend, a second desktop) gets
   * a {@code .cfg.example}, which fileinstall ignores: even an empty {@code .cfg} would switch it
   * on. Once any {@code .cfg} exists nothing is written, so a user's deletions stay deleted.
   *
   * @return the files written, empty when {@code etc/} already had configuration
   * @throws IOException when {@code etc/} cannot be read or a file cannot be written
   */
  List<Path> writeExamplesIfEmpty(EmbeddedResources resources) throws IOException {
    List<Path> written = new ArrayList<>();
    if (hasConfiguration()) {
      return written;
    }
    for (String name : resources.list(EXAMPLES)) {
      String fileName = name.substring(name.lastIndexOf('/') + 1);
      if (!fileName.endsWith(".cfg") && !fileName.endsWith(".cfg.example")) {
        continue;
      }
      Path target = etc().resolve(fileName);
      Files.write(target, resources.read(name));
      written.add(target);
    }
    return written;
  }

  private boolean hasConfiguration() throws IOException {
    try (DirectoryStream<Path> cfgs = Files.newDirectoryStream(etc(), "*.cfg")) {
      return cfgs.iterator().hasNext();
    }
  }
}
