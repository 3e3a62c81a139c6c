package org.plugvnc.api.management;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Connections the server makes out to viewers in listening mode ({@code vncviewer -listen}),
 * registered as a service by the reverse-connection transport: those its configuration names
 * (kept up, retried with back-off) and those asked for at run time. Thread-safe; never blocks.
 *
 * @since 1.1
 */
@ProviderType
public interface ReverseConnections {

  /** The port a listening viewer waits on unless told otherwise. */
  int LISTENING_VIEWER_PORT = 5500;

  /**
   * One viewer the server connects out to.
   *
   * @param host the viewer's host name or address
   * @param port its port
   * @param desktop the desktop it is shown
   * @param configured whether the configuration names it (retried while configured) or it was asked
   *     for once at run time
   * @param state {@code connecting}, {@code connected}, {@code waiting} (to retry) or {@code failed}
   * @param detail the last failure, or when the next attempt is due; empty when connected
   */
  record Target(String host, int port, String desktop, boolean configured, String state,
      String detail) {}

  /**
   * Connects out, once, to a viewer listening at {@code host}:{@code port} and serves it desktop
   * {@code desktop}. The stage completes when the TCP connection is up and the RFB handshake has
   * begun (the viewer then authenticates as any other), or fails with the reason (refused,
   * unreachable, timed out, no such desktop).
   */
  CompletionStage<Target> connect(String host, int port, String desktop);

  /** The configured viewers and those connected at run time that are still up, oldest first. */
  List<Target> targets();
}
