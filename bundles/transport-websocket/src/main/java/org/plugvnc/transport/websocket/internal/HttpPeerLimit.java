package org.plugvnc.transport.websocket.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First in an HTTP connection's pipeline: counts it for its peer in {@link HttpPeers} while it is
 * HTTP, and closes it at once when the peer already has as many open as it may. Removed when the
 * connection becomes a WebSocket, which then counts towards the engine's limits on connections in
 * their RFB handshake instead; a closed connection's handlers are all removed, so either way it
 * is counted off exactly once. Event loop only.
 */
final class HttpPeerLimit extends ChannelInboundHandlerAdapter {

  static final String NAME = "http-peer-limit";

  private static final Logger LOG = LoggerFactory.getLogger(HttpPeerLimit.class);

  private final HttpPeers peers;
  private SocketAddress counted;

  HttpPeerLimit(HttpPeers peers) {
    this.peers = peers;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    SocketAddress peer = ctx.channel().remoteAddress();
    if (peers.tryOpen(peer)) {
      counted = peer;
      return;
    }
    if (peers.warnNow()) {
      LOG.warn("HTTP connection from {} closed: that address has {} HTTP connections open already "
          + "(maxHttpConnectionsPerAddress; logged once a minute)", peer, peers.limit());
    } else {
      LOG.debug("HTTP connection from {} closed: too many from that address", peer);
    }
    ctx.close();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (counted != null) {
      peers.closed(counted);
      counted = null;
    }
  }
}
