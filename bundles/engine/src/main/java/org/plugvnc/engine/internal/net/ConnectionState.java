package org.plugvnc.engine.internal.net;

/** Where a connection stands in RFB (RFC 6143 section 7). One value at a time, one switch. */
public enum ConnectionState {
  /** Waiting for the client's ProtocolVersion. */
  PROTOCOL_VERSION,
  /** 3.7 and later: waiting for the client's choice of security type. */
  SECURITY_TYPE,
  /** Running the security type's handshake. */
  SECURITY_HANDSHAKE,
  /** Authenticated: waiting for ClientInit. */
  CLIENT_INIT,
  /** ClientInit received: the desktop is starting; ServerInit goes out once it has. */
  SERVER_INIT,
  /** Initialised: client messages, framebuffer updates. */
  NORMAL,
  /** Closing or closed: everything more is ignored. */
  CLOSED
}
