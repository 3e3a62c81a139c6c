package org.plugvnc.security.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.SecurityHandshake;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.plugvnc.api.security.VncPasswordStore;

/**
 * Security type VNC Authentication (2, RFC 6143 section 7.2.2): DES challenge and response against
 * the passwords of the highest-ranked {@link VncPasswordStore}.
 *
 * <p>A desktop configured with a password file of its own (SecurityContext#passwordFile) is checked
 * against that file instead of the store.
 *
 * <p>The store is optional and dynamic so that the type stays registered while stores come and go;
 * a handshake asks for the store only when the response has arrived, and fails with a reason when
 * none is there at that moment.
 */
@Component(service = SecurityTypeFactory.class, property = SecurityTypeFactory.PROPERTY_TYPE + ":Integer=2")
public class VncAuthSecurityFactory implements SecurityTypeFactory {

  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile VncPasswordStore store;

  private final SecureRandom random = new SecureRandom();
  /**
   * The password files desktops name for themselves, each read at every handshake (see {@link
   * PasswordFileSource}); as many as desktops are configured with one.
   */
  private final Map<Path, VncPasswordStore> desktopFiles = new ConcurrentHashMap<>();

  /** Made by DS; the store arrives through the field reference. */
  public VncAuthSecurityFactory() {}

  /** For tests: a fixed store, or {@code null} for none. */
  VncAuthSecurityFactory(VncPasswordStore store) {
    this.store = store;
  }

  @Override
  public int type() {
    return Rfb.SECURITY_VNC_AUTH;
  }

  @Override
  public SecurityHandshake create(SecurityContext context) {
    Path own = context.passwordFile();
    if (own != null) {
      VncPasswordStore file = desktopFiles.computeIfAbsent(own.toAbsolutePath(),
          p -> new PasswordFileSource(p, false)::read);
      return new VncAuthHandshake(() -> file, random, context);
    }
    return new VncAuthHandshake(() -> store, random, context);
  }
}
