package org.plugvnc.api.management;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A running plugvnc server as its operator sees it. Registered as a service by the engine while it
 * runs. Every method is thread-safe, never blocks on the network and returns a snapshot of now: the
 * lists are immutable and do not follow later changes.
 */
@ProviderType
public interface VncManagement {

  /** The desktops viewers can connect to, in a stable order. */
  List<DesktopInfo> desktops();

  /** The sessions past their handshake (the viewers being served), oldest first. */
  List<SessionInfo> sessions();

  /** The session with {@code id}, if it is still connected. */
  Optional<SessionInfo> session(long id);

  /** The registered encoders, one per encoding number (the one in use when several compete). */
  List<EncoderInfo> encoders();

  /** The registered and the configured security types, one per type number. */
  List<SecurityTypeInfo> securityTypes();

  /**
   * Closes session {@code id}; its log line and its disconnection event carry {@code reason}.
   * Returns false when no such session is connected. The close itself happens shortly after, on
   * the session's own thread.
   */
  boolean disconnect(long id, String reason);

  /**
   * Shows the backend named {@code backend} on desktop {@code desktop} from now on, without
   * dropping its viewers (they get the new picture, or a DesktopSize first). This overrides the
   * desktop's configured backend until that configuration changes.
   *
   * @throws IllegalArgumentException if there is no such desktop or no such backend is registered
   */
  void setBackend(String desktop, String backend);
}
