package org.plugvnc.api.security;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Supplies the shared secrets that VNC Authentication (type 2) checks a DES response against.
 * Registered as a service; the VNC Authentication handshake uses the highest-ranked one. Kept apart
 * from the handshake so that where passwords come from (a file, ConfigAdmin, a vault) is pluggable.
 */
@ConsumerType
public interface VncPasswordStore {

  /**
   * The passwords that currently grant access, the full-access ones first, as fresh copies: the
   * caller owns the arrays and wipes them after use. Called on a connection's I/O thread during its
   * handshake; must not block. The caller never logs or keeps them.
   */
  List<VncPassword> passwords();

  /**
   * A VNC password: at most 8 significant bytes (RFB uses the first 8, padded with zeros).
   *
   * @param secret the password bytes, a copy the receiver of this record may wipe
   * @param viewOnly true when a viewer with this password may only watch
   */
  record VncPassword(byte[] secret, boolean viewOnly) {

    @Override
    public String toString() {
      return "VncPassword[secret=<hidden>, viewOnly=" + viewOnly + "]";
    }
  }
}
