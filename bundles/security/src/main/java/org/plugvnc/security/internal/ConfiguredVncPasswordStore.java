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
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.security.VncPasswordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VNC passwords from files in the {@code vncpasswd -f} format, re-read whenever the configuration
 * changes.
 *
 * <p>A fresh installation must not be open to anyone, yet must work without setup: when no file is
 * configured and the default {@code ${plugvnc.home}/data/vncpasswd} does not exist, a random
 * password is generated, stored owner-only, and printed once on the console (never logged). A file
 * that is configured explicitly but missing, or that is not 8 or 16 bytes long, offers no password
 * and is reported in the log; VNC Authentication then refuses every viewer rather than guessing.
 *
 * <p>Immediate, so that a generated password is printed when the server starts, not when the first
 * viewer tries VNC Authentication.
 */
@Component(
    service = VncPasswordStore.class,
    configurationPid = ConfiguredVncPasswordStore.PID,
    immediate = true)
@Designate(ocd = VncAuthConfiguration.class)
public class ConfiguredVncPasswordStore implements VncPasswordStore {

  /** Configuration PID of this store. */
  static final String PID = "org.plugvnc.security.vncauth";

  /** Framework property naming the server's home directory; "." when absent. */
  static final String HOME_PROPERTY = "plugvnc.home";

  private static final Logger LOG = LoggerFactory.getLogger(ConfiguredVncPasswordStore.class);

  private final Path home;
  private final PrintStream console;
  private final SecureRandom random = new SecureRandom();
  private volatile List<VncPassword> passwords = List.of();

  /** Activated by DS: the home directory comes from the framework property {@code plugvnc.home}. */
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
    String home = context.getProperty(HOME_PROPERTY);
    return Path.of(home == null || home.isBlank() ? "." : home);
  }

  /** The configuration changed: read the files again; viewers connecting later see the result. */
  @Modified
  void modified(VncAuthConfiguration config) {
    load(config);
  }

  /**
   * Forgets the passwords. They are not wiped: a handshake on another thread may be copying them
   * right now, and a copy of zeros would match a viewer that answers for an empty password.
   */
  @Deactivate
  void deactivate() {
    passwords = List.of();
  }

  /** Copies, so that a caller wiping what it got cannot wipe the store. */
  @Override
  public List<VncPassword> passwords() {
    return passwords.stream().map(p -> new VncPassword(p.secret().clone(), p.viewOnly())).toList();
  }

  /** The default password file, {@code ${plugvnc.home}/data/vncpasswd}. */
  Path defaultFile() {
    return home.resolve("data").resolve("vncpasswd");
  }

  private void load(VncAuthConfiguration config) {
    String configured = config.passwordFile().trim();
    Path file = configured.isEmpty() ? defaultFile() : home.resolve(configured);
    if (configured.isEmpty() && !Files.exists(file)) {
      generate(file);
    }
    List<VncPassword> loaded = new ArrayList<>(read(file, false));
    String viewOnlyFile = config.viewOnlyPasswordFile().trim();
    if (!viewOnlyFile.isEmpty()) {
      loaded.addAll(read(home.resolve(viewOnlyFile), true));
    }
    loaded.sort(Comparator.comparing(VncPassword::viewOnly));
    if (loaded.isEmpty()) {
      LOG.warn("No VNC password is available: VNC Authentication will refuse every viewer");
    }
    passwords = List.copyOf(loaded);
  }

  /**
   * The passwords in {@code file}: the first full-access (unless {@code allViewOnly}), the second
   * view-only. Any problem is logged with the file's name and yields no password.
   */
  private List<VncPassword> read(Path file, boolean allViewOnly) {
    if (!Files.exists(file)) {
      LOG.error("VNC password file {} does not exist; it offers no password", file);
      return List.of();
    }
    byte[] content = null;
    try {
      if (VncPasswordFiles.readableByOthers(file)) {
        LOG.warn("VNC password file {} is readable by group or others; restrict it (chmod 600)", file);
      }
      content = VncPasswordFiles.readBounded(file);
      List<byte[]> secrets = VncPasswordFormat.decode(content);
      List<VncPassword> result = new ArrayList<>(2);
      for (int i = 0; i < secrets.size(); i++) {
        if (secrets.get(i).length == 0) {
          LOG.error("VNC password file {} holds an empty password; it is ignored", file);
        } else {
          result.add(new VncPassword(secrets.get(i), allViewOnly || i == 1));
        }
      }
      return result;
    } catch (IOException | IllegalArgumentException e) {
      LOG.error("VNC password file {} cannot be used; it offers no password: {}", file, e.getMessage());
      return List.of();
    } finally {
      if (content != null) {
        Arrays.fill(content, (byte) 0);
      }
    }
  }

  /** Creates {@code file} with a random password and tells the person at the console what it is. */
  private void generate(Path file) {
    char[] password = VncPasswordFiles.generatePassword(random);
    byte[] secret = new String(password).getBytes(StandardCharsets.US_ASCII);
    byte[] content = VncPasswordFormat.encode(secret, null);
    try {
      VncPasswordFiles.writeOwnerOnly(file, content);
      boolean posix = VncPasswordFiles.isPosix(file.toAbsolutePath().getParent());
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
}
