package org.plugvnc.commands.internal;

import org.plugvnc.api.management.ReverseConnections;
import org.plugvnc.api.management.VncManagement;
import org.plugvnc.api.security.UserDirectory;
import org.plugvnc.api.security.VncPasswordWriter;

/**
 * The services a command needs, or a clear error. Karaf's shell registers a bundle's commands all
 * together, and only while every mandatory {@code @Reference} of every one of them is there: with
 * mandatory references, stopping the security bundle would take {@code vnc:sessions} away too.
 * So the references are optional, and a command whose service is missing says which it is.
 */
final class Running {

  private Running() {
  }

  /** {@code management}, if the engine runs. */
  static VncManagement server(VncManagement management) {
    if (management == null) {
      throw new IllegalStateException(
          "The plugvnc server is not running (no VncManagement service is registered)");
    }
    return management;
  }

  /** {@code reverse}, if the reverse-connection transport runs. */
  static ReverseConnections reverse(ReverseConnections reverse) {
    if (reverse == null) {
      throw new IllegalStateException("Reverse connections are not available (no"
          + " ReverseConnections service is registered: is the plugvnc transport-reverse bundle"
          + " started?)");
    }
    return reverse;
  }

  /** {@code writer}, if a password store that can be written runs. */
  static VncPasswordWriter passwordStore(VncPasswordWriter writer) {
    if (writer == null) {
      throw new IllegalStateException("No VNC password store is running (no VncPasswordWriter"
          + " service is registered: is the plugvnc security bundle started?)");
    }
    return writer;
  }

  /** {@code directory}, if a credential provider whose users can be written runs. */
  static UserDirectory userDirectory(UserDirectory directory) {
    if (directory == null) {
      throw new IllegalStateException("No user directory is running (no UserDirectory service is"
          + " registered: is the plugvnc users-file bundle started?)");
    }
    return directory;
  }
}
