package org.plugvnc.security.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.BundleContext;
import org.plugvnc.api.files.PlugvncHome;
import org.plugvnc.api.files.SecretFiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.security.VncPasswordStore;
import org.plugvnc.api.security.VncPasswordWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VNC passwords from files in the {@code vncpasswd -f} format, read again at every call of
 * {@link #passwords()}: a file rewritten while the server runs applies to the next viewer, and a
 * file that becomes missing, unreadable or invalid offers no password from then on, never the one
 * it held before ({@link PasswordFileSource} says why it reads rather than watches).
 *
 * <p>A fresh installation must not be open to anyone, yet must work without setup: when no file is
 * configured and the default {@code ${plugvnc.home}/data/vncpasswd} does not exist at activation
 * (or at a configuration change), a random password is generated, stored owner-only, and printed
 * once on the console (never logged). It is not generated again when the file disappears later. A
 * file that is missing, or that is not 8 or 16 bytes long, offers no password and is reported in
 * the log once per change; VNC Authentication then refuses every viewer rather than guessing.
 *
 * <p>Immediate, so that a generated password is printed when the server starts, not when the first
 * viewer tries VNC Authentication.
 */
@Component(
    service = {VncPasswordStore.class, VncPasswordWriter.class},
    configurationPid = ConfiguredVncPasswordStore.PID,
    immediate = true)
@Designate(ocd = VncAuthConfiguration.class)
public class ConfiguredVncPasswordStore implements VncPasswordStore, VncPasswordWriter {

  /** Configuration PID of this store. */
  static final String PID = "org.plugvnc.security.vncauth";

  private static final Logger LOG = LoggerFactory.getLogger(ConfiguredVncPasswordStore.class);

  private final Path home;
  private final PrintStream console;
  private final SecureRandom random = new SecureRandom();
  private volatile List<PasswordFileSource> sources = List.of();
  /** The file holding the full-access password, where {@link #write} writes. */
  private volatile Path fullFile;

  /** Whether the last call found no password at all, so that this is warned once per change. */
  private final AtomicBoolean lastEmpty = new AtomicBoolean();

  /**
   * Activated by DS: the home directory comes from the framework property {@code plugvnc.home}, in
   * Karaf from {@code ${karaf.data}/plugvnc} when that is not set, else the working directory.
   */
  @Activate
  public ConfiguredVncPasswordStore(BundleContext context, VncAuthConfiguration config) {
    this(homeOf(context), config, System.out);
  }

  /** For tests: a given home directory, and a console to print a generated password on. */
  ConfiguredVncPasswordStore(Path home, VncAuthConfiguration config, PrintStream console) {
    this.home = home;
    this.console = console;
    load(config);
  }

  private static Path homeOf(BundleContext context) {
    return PlugvncHome.of(context::getProperty);
  }

  /** The configuration changed: use the files it names from now on. */
  @Modified
  void modified(VncAuthConfiguration config) {
    load(config);
  }

  /** Forgets the files: from now on this store offers no password. */
  @Deactivate
  void deactivate() {
    sources = List.of();
  }

  /**
   * What the files hold now, full-access passwords first, as fresh arrays the caller wipes. Reads
   * each file (at most 17 bytes, local): called on an I/O thread, it blocks no longer than that.
   */
  @Override
  public List<VncPassword> passwords() {
    List<VncPassword> result = new ArrayList<>(4);
    for (PasswordFileSource source : sources) {
      result.addAll(source.read());
    }
    result.sort(Comparator.comparing(VncPassword::viewOnly));
    boolean empty = result.isEmpty();
    if (lastEmpty.getAndSet(empty) != empty && empty) {
      LOG.warn("No VNC password is available: VNC Authentication will refuse every viewer");
    }
    return List.copyOf(result);
  }

  /** The default password file, {@code ${plugvnc.home}/data/vncpasswd}. */
  Path defaultFile() {
    return home.resolve("data").resolve("vncpasswd");
  }

  /**
   * Switches to the files {@code config} names, generating the default one if needed, and reads
   * them once so that any problem is in the log at activation, not only at the first viewer.
   */
  private void load(VncAuthConfiguration config) {
    String configured = config.passwordFile().trim();
    Path file = configured.isEmpty() ? defaultFile() : home.resolve(configured);
    if (configured.isEmpty() && !Files.exists(file)) {
      generate(file);
    }
    List<PasswordFileSource> loaded = new ArrayList<>(2);
    loaded.add(new PasswordFileSource(file, false));
    String viewOnlyFile = config.viewOnlyPasswordFile().trim();
    if (!viewOnlyFile.isEmpty()) {
      loaded.add(new PasswordFileSource(home.resolve(viewOnlyFile), true));
    }
    sources = List.copyOf(loaded);
    fullFile = file;
    lastEmpty.set(false);
    passwords().forEach(p -> Arrays.fill(p.secret(), (byte) 0));
  }

  /** Creates {@code file} with a random password and tells the person at the console what it is. */
  private void generate(Path file) {
    char[] password = VncPasswordFiles.generatePassword(random);
    byte[] secret = new String(password).getBytes(StandardCharsets.US_ASCII);
    byte[] content = VncPasswordFormat.encode(secret, null);
    try {
      SecretFiles.writeOwnerOnly(file, content);
      boolean posix = SecretFiles.isPosix(file.toAbsolutePath().getParent());
      console.println("plugvnc: generated VNC password: " + new String(password) + " (kept in "
          + file.toAbsolutePath() + (posix ? ", readable only by you)" : ")"));
      console.flush();
      LOG.info("Generated a random VNC password in {} (printed once on the console)", file);
    } catch (IOException e) {
      LOG.error("Could not create the VNC password file {}: {}", file, e.toString());
    } finally {
      Arrays.fill(password, '\0');
      Arrays.fill(secret, (byte) 0);
      Arrays.fill(content, (byte) 0);
    }
  }

  /**
   * Writes the passwords into the full-access password file (owner-only, replaced in one step), the
   * view-only one in the same file's second half as {@code vncpasswd} does; the next viewer needs
   * them. Logs that they changed and where, never what they are.
   */
  @Override
  public synchronized String write(char[] full, char[] viewOnly) throws IOException {
    byte[] secret = latin1(full, "the password");
    byte[] viewSecret = viewOnly == null ? null : latin1(viewOnly, "the view-only password");
    byte[] content = VncPasswordFormat.encode(secret, viewSecret);
    Path file = fullFile;
    try {
      SecretFiles.writeOwnerOnly(file, content);
    } finally {
      Arrays.fill(secret, (byte) 0);
      if (viewSecret != null) {
        Arrays.fill(viewSecret, (byte) 0);
      }
      Arrays.fill(content, (byte) 0);
    }
    LOG.info("The VNC password{} in {} was changed", viewOnly == null ? "" : "s", file);
    return file.toAbsolutePath().toString();
  }

  private static byte[] latin1(char[] password, String what) {
    if (password.length == 0) {
      throw new IllegalArgumentException(what + " is empty");
    }
    byte[] bytes = new byte[password.length];
    for (int i = 0; i < password.length; i++) {
      if (password[i] > 0xFF) {
        Arrays.fill(bytes, (byte) 0);
        throw new IllegalArgumentException(what + " has a character outside ISO-8859-1");
      }
      bytes[i] = (byte) password[i];
    }
    return bytes;
  }
}
