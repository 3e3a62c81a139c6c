package org.plugvnc.security.vencrypt.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.files.PlugvncHome;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.api.security.CredentialVerifier;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.SecurityHandshake;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security type VeNCrypt (19). Each handshake offers, in the configured order, the subtypes whose
 * parts are there at that moment: the certificate (X509*), the VNC Authentication type 2 factory
 * (X509Vnc, delegated to so that its password store and view-only passwords apply), a {@link
 * CredentialVerifier} (X509Plain, Plain) and the explicit permission for Plain in clear text.
 * Both services are optional and dynamic: the type stays registered while they come and go.
 *
 * <p>The anonymous subtypes TLSNone, TLSVnc and TLSPlain are never offered: they need anonymous
 * Diffie-Hellman suites, which the JDK's provider and BouncyCastle's JSSE provider both refuse
 * through the JVM-wide {@code jdk.tls.disabledAlgorithms}, with no per-instance way around it.
 *
 * <p>While it has a certificate it also registers it as a {@link
 * org.plugvnc.api.security.ServerCertificate} service ({@link PublishedCertificate}), so that
 * https and wss listeners present the certificate viewers already trust; a reloaded certificate
 * is registered anew, and deactivation withdraws it.
 *
 * <p>Immediate, so that a fresh installation generates its certificate (and prints its
 * fingerprint) when the server starts. A configuration change reloads the certificate; viewers
 * already connected keep their TLS session.
 */
@Component(
    service = SecurityTypeFactory.class,
    property = SecurityTypeFactory.PROPERTY_TYPE + ":Integer=19",
    configurationPid = VeNCryptSecurityFactory.PID,
    immediate = true)
@Designate(ocd = VeNCryptConfiguration.class)
public class VeNCryptSecurityFactory implements SecurityTypeFactory {

  /** Configuration PID. */
  static final String PID = "org.plugvnc.security.vencrypt";

  private static final Logger LOG = LoggerFactory.getLogger(VeNCryptSecurityFactory.class);

  /** What a configuration came to; replaced whole on a change. */
  private record Settings(List<Integer> subtypes, boolean allowPlain, int maxCredentialLength, TlsEndpoint tls) {}

  @Reference(
      target = "(" + SecurityTypeFactory.PROPERTY_TYPE + "=2)",
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile SecurityTypeFactory vncAuth;

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile CredentialVerifier verifier;

  private final CertificateStore certificates;
  private final PublishedCertificate.Publisher publisher;
  private final SecureRandom random = new SecureRandom();
  private volatile Settings settings;

  /** Activated by DS, with the home directory from {@code plugvnc.home} (see {@link PlugvncHome}). */
  @Activate
  public VeNCryptSecurityFactory(BundleContext context, VeNCryptConfiguration config) {
    this(PlugvncHome.of(context::getProperty), config, System.out, null, null, context);
  }

  /** For tests: a given home and console, and fixed services (null for none). */
  VeNCryptSecurityFactory(Path home, VeNCryptConfiguration config, PrintStream console,
      SecurityTypeFactory vncAuth, CredentialVerifier verifier) {
    this(home, config, console, vncAuth, verifier, null);
  }

  private VeNCryptSecurityFactory(Path home, VeNCryptConfiguration config, PrintStream console,
      SecurityTypeFactory vncAuth, CredentialVerifier verifier, BundleContext context) {
    this.certificates = new CertificateStore(home, console, random);
    this.publisher = new PublishedCertificate.Publisher(context);
    this.vncAuth = vncAuth;
    this.verifier = verifier;
    load(config);
  }

  /** The configuration changed: reload the certificate; the next viewer gets the new settings. */
  @Modified
  void modified(VeNCryptConfiguration config) {
    load(config);
  }

  @Deactivate
  void deactivate() {
    publisher.withdraw();
    settings = new Settings(List.of(), false, 0, null);
  }

  @Override
  public int type() {
    return Rfb.SECURITY_VENCRYPT;
  }

  @Override
  public SecurityHandshake create(SecurityContext context) {
    Settings s = settings;
    SecurityTypeFactory vnc = vncAuth;
    CredentialVerifier check = verifier;
    List<Integer> offered = new ArrayList<>(offer(s, vnc, check));
    offered.addAll(fallbacks(context.offeredTypes(), vnc));
    return new VeNCryptHandshake(context, offered, s.tls(), vnc, check, s.maxCredentialLength());
  }

  /**
   * The standard types the desktop offers at the top level anyway (VncAuth, None), offered last
   * inside VeNCrypt as well: a viewer that takes VeNCrypt for its place in the list but can use
   * none of its TLS subtypes (noVNC: a browser's TLS is the WebSocket's) then still gets what it
   * would have got without VeNCrypt, and never anything weaker than the desktop offers.
   */
  static List<Integer> fallbacks(List<Integer> topLevel, SecurityTypeFactory vnc) {
    List<Integer> result = new ArrayList<>(2);
    if (vnc != null && topLevel.contains(VeNCrypt.VNC_AUTH)) {
      result.add(VeNCrypt.VNC_AUTH);
    }
    if (topLevel.contains(VeNCrypt.NONE)) {
      result.add(VeNCrypt.NONE);
    }
    return result;
  }

  /** The subtypes a handshake starting now offers. */
  List<Integer> offered() {
    return offer(settings, vncAuth, verifier);
  }

  CertificateStore certificates() {
    return certificates;
  }

  private static List<Integer> offer(Settings s, SecurityTypeFactory vnc, CredentialVerifier check) {
    List<Integer> result = new ArrayList<>();
    for (int subtype : s.subtypes()) {
      boolean tlsReady = !VeNCrypt.usesTls(subtype) || s.tls() != null;
      boolean vncReady = !VeNCrypt.runsVncAuth(subtype) || vnc != null;
      boolean plainReady = !VeNCrypt.sendsCredentials(subtype) || check != null;
      boolean allowed = subtype != VeNCrypt.PLAIN || s.allowPlain();
      if (tlsReady && vncReady && plainReady && allowed) {
        result.add(subtype);
      }
    }
    return List.copyOf(result);
  }

  private void load(VeNCryptConfiguration config) {
    List<Integer> subtypes = subtypes(config);
    TlsEndpoint tls = null;
    PublishedCertificate published = null;
    if (subtypes.stream().anyMatch(VeNCrypt::usesTls)) {
      try {
        ServerCredentials credentials = certificates.load(config);
        tls = TlsEndpoint.create(credentials, config.protocols(), random);
        published = PublishedCertificate.of(credentials, random);
        LOG.info("VeNCrypt certificate {} from {}, SHA-256 fingerprint {}{}",
            credentials.chain()[0].getSubjectX500Principal().getName(), credentials.source(),
            credentials.fingerprint(), credentials.publicCertificate() == null ? ""
                : "; viewers trust it with " + credentials.publicCertificate().toAbsolutePath());
      } catch (IOException | GeneralSecurityException | RuntimeException e) {
        LOG.error("VeNCrypt: no TLS, so no X509 subtype is offered: {}", e.toString());
      }
    }
    int max = Math.max(1, config.maxCredentialLength());
    settings = new Settings(subtypes, config.allowPlainWithoutTls(), max, tls);
    publisher.publish(published);
  }

  /** The configured subtypes that exist and can be offered at all, in order, each once. */
  private static List<Integer> subtypes(VeNCryptConfiguration config) {
    List<Integer> result = new ArrayList<>();
    for (String entry : VeNCrypt.entries(config.subtypes())) {
      int subtype = VeNCrypt.parse(entry);
      if (subtype < 0) {
        LOG.warn("VeNCrypt: unknown subtype '{}' ignored", entry);
      } else if (VeNCrypt.isAnonymousTls(subtype)) {
        LOG.warn("VeNCrypt: subtype {} is not available: anonymous TLS needs anonymous Diffie-Hellman "
            + "suites, which this JVM disables for every provider (jdk.tls.disabledAlgorithms); "
            + "use X509{} instead", VeNCrypt.name(subtype), VeNCrypt.name(subtype).substring(3));
      } else if (subtype == VeNCrypt.PLAIN && !config.allowPlainWithoutTls()) {
        LOG.warn("VeNCrypt: subtype Plain (password in clear text) is not offered: allowPlainWithoutTls is false");
      } else if (!result.contains(subtype)) {
        result.add(subtype);
      }
    }
    if (result.contains(VeNCrypt.PLAIN)) {
      LOG.warn("VeNCrypt: subtype Plain is offered: user names and passwords cross the network in clear text");
    }
    if (result.contains(VeNCrypt.X509_NONE)) {
      LOG.warn("VeNCrypt: subtype X509None is offered: it encrypts but authenticates nobody");
    }
    return List.copyOf(result);
  }
}
