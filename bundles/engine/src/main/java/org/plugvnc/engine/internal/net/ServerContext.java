package org.plugvnc.engine.internal.net;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.plugvnc.api.clipboard.Clipboard;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.plugvnc.engine.internal.desktop.DesktopHub;
import org.plugvnc.api.encoding.EncoderFactory;

/**
 * What every connection shares: settings, the plug-in registries, the desktop and the session
 * registry. Its suppliers return the state of now; connections read them when they need them.
 */
public interface ServerContext {

  /** The desktop's name: {@code default}, or the name of its {@code org.plugvnc.desktop} configuration. */
  default String desktopId() {
    return "default";
  }

  /** The VNC password file this desktop is configured with, or null (the password store decides). */
  default Path passwordFile() {
    return null;
  }

  /** Settings for new connections. */
  ServerSettings settings();

  /** Registered security types by number, as of now. */
  Map<Integer, SecurityTypeFactory> securityTypes();

  /** Registered encoder factories by encoding number, as of now. */
  Map<Integer, EncoderFactory> encoders();

  /** The desktop viewers attach to. */
  DesktopHub desktop();

  /** The sessions in the normal phase. */
  SessionRegistry sessions();

  /** The clipboard, or null while none is bound. */
  Clipboard clipboard();

  /** Addresses refused for failing authentication too often. */
  AuthFailureThrottle authFailures();

  /** The limit on the clipboard text being received from all viewers together. */
  InputBudget inputBudget();

  /** The limit on the output queued for all viewers together. */
  OutputBudget outputBudget();

  /** Bounds on connections that have not authenticated yet. */
  PreAuthLimits preAuthLimits();

  /** Runs blocking work (a JAAS login) off the I/O threads. */
  ExecutorService workers();

  /** A new connection's number: unique while the server runs. */
  long nextConnectionId();

  /** Where connection events go. */
  SessionEvents events();
}
