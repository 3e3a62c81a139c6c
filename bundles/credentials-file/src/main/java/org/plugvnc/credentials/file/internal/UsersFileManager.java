package org.plugvnc.credentials.file.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.plugvnc.api.files.PlugvncHome;
import org.plugvnc.api.files.SecretFiles;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.UserDirectory;

/**
 * Adds, replaces, removes and lists the users of a users file: the {@link UserDirectory} service
 * the Karaf command {@code vnc:user} uses, and what the launcher's {@code user} sub-command runs
 * without starting a framework. Every change rewrites the whole file through
 * {@link SecretFiles#writeOwnerOnly} (owner-only, replaced in one rename), keeping comments and
 * lines it does not understand as they were. Calls in one JVM are serialised; two processes
 * editing at once may lose one change (there is no lock file).
 */
public final class UsersFileManager implements UserDirectory {

  /** The users file relative to the home directory when none is configured. */
  public static final String DEFAULT_FILE = "etc/users";

  private final Path file;
  private final int iterations;
  private final KeyDerivation derivation;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param file the users file (created, with its directory, at the first {@link #add})
   * @param iterations PBKDF2 iterations for new entries, within {@link UsersFileFormat}'s bounds
   */
  public UsersFileManager(Path file, int iterations) {
    this(file, iterations, KeyDerivation.PBKDF2);
  }

  UsersFileManager(Path file, int iterations, KeyDerivation derivation) {
    this.file = file;
    this.iterations = UsersFileFormat.checkIterations(iterations);
    this.derivation = derivation;
  }

  /** The default users file, {@code ${plugvnc.home}/etc/users}, for a home directory. */
  public static Path defaultFile(Path home) {
    return usersFile(home, "");
  }

  /**
   * {@code configured} taken relative to {@code home}; blank means {@link #DEFAULT_FILE} there.
   */
  public static Path usersFile(Path home, String configured) {
    return PlugvncHome.resolve(home, configured, DEFAULT_FILE);
  }

  /**
   * Adds {@code name}, or replaces its entry, with a new random salt. Does not keep or change
   * {@code password}; the caller wipes it. Takes one PBKDF2 run.
   *
   * @return true when an entry for {@code name} was replaced
   * @throws IllegalArgumentException if the name or password cannot be stored
   * @throws IOException if the file cannot be read or written; it is then unchanged
   */
  public synchronized boolean add(String name, boolean viewOnly, char[] password) throws IOException {
    UsersFileFormat.checkName(name);
    if (password.length == 0 || password.length > UsersFileFormat.MAX_PASSWORD_LENGTH) {
      throw new IllegalArgumentException("The password must have 1 to "
          + UsersFileFormat.MAX_PASSWORD_LENGTH + " characters");
    }
    List<String> lines = readLines();
    boolean replaced = lines.removeIf(line -> isFor(line, name));
    byte[] salt = new byte[UsersFileFormat.SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derivation.derive(password, salt, iterations);
    try {
      lines.add(UsersFileFormat.format(new UserEntry(name, viewOnly, iterations, salt, hash)));
    } finally {
      KeyDerivation.wipe(hash);
    }
    write(lines);
    return replaced;
  }

  @Override
  public boolean put(String name, char[] password, boolean viewOnly) throws IOException {
    try {
      return add(name, viewOnly, password);
    } catch (IllegalArgumentException e) {
      // The format's reasons continue a sentence about a line ("has a user name of ...").
      throw e.getMessage().startsWith("has ")
          ? new IllegalArgumentException("The entry " + e.getMessage(), e) : e;
    }
  }

  /**
   * Removes {@code name}'s entry.
   *
   * @return false when there was none (the file is then not rewritten)
   * @throws IOException if the file cannot be read or written
   */
  @Override
  public synchronized boolean remove(String name) throws IOException {
    List<String> lines = readLines();
    if (!lines.removeIf(line -> isFor(line, name))) {
      return false;
    }
    write(lines);
    return true;
  }

  /**
   * The valid entries' names and rights, in file order; an empty list when the file does not
   * exist.
   *
   * @throws IOException if the file cannot be read or is not a users file
   */
  @Override
  public synchronized List<Identity> list() throws IOException {
    List<Identity> users = new ArrayList<>();
    for (String line : readLines()) {
      if (!UsersFileFormat.isIgnorable(line)) {
        try {
          UserEntry entry = UsersFileFormat.parse(line);
          users.add(new Identity(entry.name(), entry.viewOnly()));
        } catch (IllegalArgumentException e) {
          // list shows users; the verifier's log says which lines are broken and why
        }
      }
    }
    return users;
  }

  /** The file this manager edits. */
  public Path file() {
    return file;
  }

  @Override
  public String location() {
    return file.toAbsolutePath().normalize().toString();
  }

  /** Whether {@code line} is an entry (valid or not) whose first field is {@code name}. */
  private static boolean isFor(String line, String name) {
    if (UsersFileFormat.isIgnorable(line)) {
      return false;
    }
    String stripped = line.strip();
    int colon = stripped.indexOf(':');
    return (colon < 0 ? stripped : stripped.substring(0, colon)).equals(name);
  }

  private List<String> readLines() throws IOException {
    if (!Files.exists(file)) {
      return new ArrayList<>();
    }
    byte[] content = SecretFiles.readBounded(file, UsersFileFormat.MAX_FILE_BYTES);
    if (content.length > UsersFileFormat.MAX_FILE_BYTES) {
      throw new IOException(file + " is longer than " + UsersFileFormat.MAX_FILE_BYTES + " bytes");
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
      List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      return lines;
    } catch (CharacterCodingException e) {
      throw new IOException(file + " is not UTF-8 text");
    }
  }

  private void write(List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    if (lines.isEmpty() || !lines.get(0).startsWith("#")) {
      text.append("# plugvnc users: NAME:full|view-only:pbkdf2-sha256:ITERATIONS:SALT:HASH\n");
    }
    lines.forEach(line -> text.append(line).append('\n'));
    byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
    if (content.length > UsersFileFormat.MAX_FILE_BYTES) {
      throw new IOException("The users file would be longer than " + UsersFileFormat.MAX_FILE_BYTES + " bytes");
    }
    SecretFiles.writeOwnerOnly(file, content);
  }
}
