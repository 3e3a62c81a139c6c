package org.plugvnc.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plugvnc.api.protocol.Rfb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parses the configured list of security types: names or numbers, comma separated. */
final class SecurityTypeNames {

  /**
   * The default offer, strongest first: TLS (VeNCrypt, with its X.509 subtypes first), RSA-AES with
   * the whole session encrypted, RSA-AES protecting only the authentication, then VNC
   * Authentication. A type is offered only while its bundle is active and able (VeNCrypt once it
   * has a certificate), so a server without those bundles offers VNC Authentication alone.
   */
  static final String DEFAULT = "VeNCrypt,RA2_256,RA2,RA2ne_256,RA2ne,VncAuth";

  private static final Logger LOG = LoggerFactory.getLogger(SecurityTypeNames.class);

  private SecurityTypeNames() {}

  /**
   * The security-type numbers of {@code list}, in order, duplicates dropped.
   *
   * @throws IllegalArgumentException naming an entry that is neither a known name nor a number
   *     from 1 to 255
   */
  static List<Integer> parse(String list) {
    List<Integer> out = new ArrayList<>();
    for (String raw : list.split("[,\\s]+")) {
      if (raw.isEmpty()) {
        continue;
      }
      int t = number(raw.trim());
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Logs what an operator should know about offering {@code types} on desktop {@code desktop}:
   * VNC Authentication on its own protects the password, not the session.
   */
  static void warnAboutWeakTypes(String desktop, List<Integer> types) {
    if (types.contains(Rfb.SECURITY_VNC_AUTH)) {
      LOG.warn("plugvnc: desktop {} offers VNC Authentication (VncAuth) outside TLS: its DES "
          + "challenge protects the password but nothing else is encrypted; viewers that can should "
          + "use VeNCrypt or RSA-AES, others an SSH tunnel", desktop);
    }
    if (types.contains(Rfb.SECURITY_NONE)) {
      LOG.warn("plugvnc: desktop {} offers security type None: anyone who reaches its port gets in",
          desktop);
    }
  }

  private static int number(String s) {
    String name = s.toLowerCase(Locale.ROOT);
    if (name.equals("vnc")) {
      return Rfb.SECURITY_VNC_AUTH;
    }
    for (int t = 1; t <= 255; t++) {
      if (Rfb.securityTypeName(t).toLowerCase(Locale.ROOT).equals(name)) {
        return t;
      }
    }
    try {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= 255) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("unknown security type '" + s + "'");
  }
}
