package org.plugvnc.engine.internal.net;

/** What a viewer asking for exclusive access (ClientInit shared-flag 0) gets. */
public enum SharePolicy {
  /** The flag is ignored: every viewer shares the desktop. */
  SHARED,
  /** The viewer gets in and every other viewer is disconnected (TigerVNC's default). */
  DISCONNECT_OTHERS,
  /** The viewer is refused while any other viewer is connected. */
  REFUSE
}
