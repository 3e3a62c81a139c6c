package org.plugvnc.security.rsaaes.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.files.PlugvncHome;
import org.plugvnc.api.security.CredentialVerifier;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.plugvnc.api.security.VncPasswordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads (or generates, once) the server's RSA key and registers the four RSA-AES types as
 * {@link SecurityTypeFactory} services, one per number, once the key is there. Runs without configuration too, with the
 * defaults. The credential service and the password store are optional and dynamic: each
 * handshake takes the ones there at its start. A configuration change restarts the component, so
 * new handshakes use the new key; a key that cannot be loaded registers no type and logs why.
 */
@Component(configurationPid = RsaAesComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RsaAesConfiguration.class)
public class RsaAesComponent {

  /** The configuration PID. */
  public static final String PID = "org.plugvnc.security.rsaaes";
  private static final Logger LOG = LoggerFactory.getLogger(RsaAesComponent.class);

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile CredentialVerifier verifier;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile VncPasswordStore store;

  private final List<ServiceRegistration<SecurityTypeFactory>> registrations = new ArrayList<>();

  private final BundleContext bundle;
  private final Thread loader;
  private boolean closed;

  /**
   * Loads the key and registers the types on a thread of its own: generating a key takes seconds
   * (minutes for 8192 bits), which must not hold up the framework's start.
   */
  @Activate
  public RsaAesComponent(BundleContext bundle, RsaAesConfiguration config) {
    this.bundle = bundle;
    Path home = PlugvncHome.of(bundle::getProperty);
    Path file = PlugvncHome.resolve(home, config.keyFile(), "data/rsaaes-key.pem");
    Credentials mode = Credentials.of(config.credentials());
    loader = new Thread(() -> load(file, config.keyLength(), mode), "plugvnc-rsaaes-key");
    loader.setDaemon(true);
    loader.start();
  }

  private void load(Path file, int keyLength, Credentials mode) {
    RsaKeyFile.Loaded loaded;
    try {
      loaded = RsaKeyFile.loadOrCreate(file, keyLength);
    } catch (IOException e) {
      LOG.error("RSA-AES is not offered: the key {} cannot serve: {}", file, e.getMessage());
      return;
    }
    ServerRsaKey key = loaded.key();
    if (loaded.generated()) {
      String line = "plugvnc: generated the RSA-AES key " + file + " (" + key.bits()
          + " bits); SHA-256 fingerprint " + key.fingerprint();
      System.out.println(line); // once, for whoever started the server, as the issue asks
    }
    LOG.info("RSA-AES key {} ({} bits), SHA-256 fingerprint {}", file.getFileName(), key.bits(),
        key.fingerprint());
    SecureRandom random = new SecureRandom();
    synchronized (registrations) {
      if (closed) {
        return;
      }
      for (RsaAesVariant v : RsaAesVariant.values()) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(SecurityTypeFactory.PROPERTY_TYPE, v.type);
        try {
          registrations.add(bundle.registerService(SecurityTypeFactory.class,
              new RsaAesSecurityFactory(v, key, random, () -> check(mode)), props));
        } catch (IllegalStateException stopping) {
          return; // the bundle stopped meanwhile
        }
      }
    }
  }

  /** How the next handshake checks credentials, from the services there now. */
  private CredentialChoice check(Credentials mode) {
    CredentialVerifier v = verifier;
    return new CredentialChoice(mode == Credentials.PASSWORD ? null : v, store,
        mode == Credentials.USERS);
  }

  @Deactivate
  void deactivate() {
    synchronized (registrations) {
      closed = true;
      for (ServiceRegistration<SecurityTypeFactory> r : registrations) {
        try {
          r.unregister();
        } catch (IllegalStateException alreadyGone) {
          // the bundle is stopping: the framework unregistered it
        }
      }
      registrations.clear();
    }
  }

  /** The {@code credentials} setting. */
  enum Credentials {
    AUTO, USERS, PASSWORD;

    static Credentials of(String s) {
      try {
        return valueOf(s == null ? "PASSWORD" : s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        LOG.warn("credentials={} is none of password, users, auto: taking password", s);
        return PASSWORD;
      }
    }
  }

  /**
   * The services a handshake checks with: a verifier (null: password only), the store, and whether
   * a user name is required even without a verifier (then every login fails, with the reason).
   */
  record CredentialChoice(CredentialVerifier verifier, VncPasswordStore store, boolean usersOnly) {}
}
