package org.plugvnc.engine.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.SecurityHandshake;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.plugvnc.engine.internal.protocol.ServerMessageWriter;
import org.plugvnc.engine.internal.update.ByteBufRfbOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security negotiation and handshake of one connection (RFC 6143 7.1.2, 7.1.3, 7.2). Only types
 * that are both configured and registered are offered, and a client choosing any other is refused:
 * there is no path to the normal phase that skips the chosen type's handshake (CVE-2006-2369).
 */
final class SecurityPhase implements SecurityContext {

  private static final Logger LOG = LoggerFactory.getLogger(SecurityPhase.class);

  private final RfbConnection conn;
  private final ServerContext server;
  private final int minor;
  private List<Integer> offered = List.of();
  private Map<Integer, SecurityTypeFactory> factories = Map.of();
  private int chosen = Rfb.SECURITY_INVALID;
  private SecurityHandshake handshake;
  private ByteBuf pendingOut;
  private Identity identity;

  SecurityPhase(RfbConnection conn, ServerContext server, int minor) {
    this.conn = conn;
    this.server = server;
    this.minor = minor;
  }

  /** Sends the offer (3.7+) or the server's choice (3.3), or fails when there is nothing to offer. */
  void offer() {
    if (server.authFailures().blocked(address())) {
      fail("too many security failures from this address; try again later");
      return;
    }
    factories = server.securityTypes();
    List<Integer> types = new ArrayList<>();
    for (int t : server.settings().securityTypes()) {
      if (factories.containsKey(t) && (minor >= 7 || t == Rfb.SECURITY_NONE || t == Rfb.SECURITY_VNC_AUTH)) {
        types.add(t);
      }
    }
    offered = List.copyOf(types);
    if (offered.isEmpty()) {
      fail("no security type is available (configured: " + server.settings().securityTypes()
          + ", registered: " + factories.keySet() + ")");
      return;
    }
    ByteBuf out = conn.ctx().alloc().buffer();
    if (minor >= 7) {
      ServerMessageWriter.securityTypes(out, offered);
      conn.ctx().writeAndFlush(out);
      conn.enter(ConnectionState.SECURITY_TYPE);
    } else {
      ServerMessageWriter.securityType33(out, offered.get(0));
      conn.ctx().writeAndFlush(out);
      begin(offered.get(0));
    }
  }

  /** Ends the connection before any security type is chosen, with the reason in the protocol. */
  private void fail(String reason) {
    ByteBuf out = conn.ctx().alloc().buffer();
    if (minor >= 7) {
      ServerMessageWriter.securityTypesFailure(out, reason);
    } else {
      ServerMessageWriter.securityType33Failure(out, reason);
    }
    conn.closeAfter(out, reason);
  }

  private InetAddress address() {
    return ((InetSocketAddress) remoteAddress()).getAddress();
  }

  /** Reads the client's one-byte choice (3.7+). */
  boolean readChoice(ByteBuf in) {
    if (!in.isReadable()) {
      return false;
    }
    int type = in.readUnsignedByte();
    if (!offered.contains(type)) {
      refuse("security type " + Rfb.securityTypeName(type) + " was not offered");
      return false;
    }
    begin(type);
    return true;
  }

  private void begin(int type) {
    chosen = type;
    LOG.debug("{}: security type {}", conn.remote(), Rfb.securityTypeName(type));
    handshake = factories.get(type).create(this);
    conn.enter(ConnectionState.SECURITY_HANDSHAKE);
    ByteBuf out = conn.ctx().alloc().buffer();
    handshake.start(new ByteBufRfbOutput(out));
    flush(out);
    receive(Unpooled.EMPTY_BUFFER);
  }

  /**
   * Hands received bytes to the handshake. True when the loop may go on: the handshake finished
   * with success, or consumed a message and waits for the next.
   */
  boolean receive(ByteBuf in) {
    ByteBuffer view = in.nioBuffer();
    int before = view.position();
    ByteBuf out = conn.ctx().alloc().buffer();
    pendingOut = out;
    HandshakeResult result;
    try {
      result = handshake.receive(view, new ByteBufRfbOutput(out));
    } finally {
      pendingOut = null;
    }
    int consumed = view.position() - before;
    in.skipBytes(consumed);
    flush(out);
    finish(result);
    return result.status() == HandshakeResult.Status.SUCCESS
        || (result.status() == HandshakeResult.Status.INCOMPLETE && consumed > 0);
  }

  private void finish(HandshakeResult result) {
    switch (result.status()) {
      case SUCCESS:
        identity = result.identity();
        server.authFailures().succeeded(address());
        LOG.info("{}: authenticated ({}, {}{})", conn.remote(), Rfb.securityTypeName(chosen),
            identity.name(), identity.viewOnly() ? ", view-only" : "");
        if (sendsResultOnSuccess()) {
          ByteBuf out = conn.ctx().alloc().buffer(4);
          ServerMessageWriter.securityResultOk(out);
          conn.ctx().writeAndFlush(out);
        }
        conn.enter(ConnectionState.CLIENT_INIT);
        return;
      case FAILURE:
        refuse(result.reason());
        return;
      default:
        return;
    }
  }

  /** RFC 6143 7.1.3: 3.3 and 3.7 send no SecurityResult after None. */
  private boolean sendsResultOnSuccess() {
    return !(chosen == Rfb.SECURITY_NONE && minor < 8);
  }

  private void refuse(String reason) {
    server.authFailures().failed(address());
    ByteBuf out = conn.ctx().alloc().buffer();
    ServerMessageWriter.securityResultFailed(out, minor, reason);
    conn.closeAfter(out, "security failed: " + reason);
  }

  private void flush(ByteBuf out) {
    if (out.isReadable()) {
      conn.ctx().writeAndFlush(out);
    } else {
      out.release();
    }
  }

  /** Who authenticated; set once the handshake succeeded. */
  Identity identity() {
    return identity;
  }

  @Override
  public SocketAddress remoteAddress() {
    return conn.ctx().channel().remoteAddress();
  }

  @Override
  public int protocolMinor() {
    return minor;
  }

  @Override
  public void startTls(SSLEngine engine) {
    // What the handshake wrote so far (VeNCrypt's acknowledgement) goes out in clear text first.
    if (pendingOut != null && pendingOut.isReadable()) {
      conn.ctx().writeAndFlush(pendingOut.readRetainedSlice(pendingOut.readableBytes()));
    }
    conn.ctx().pipeline().addFirst("tls", new SslHandler(engine));
  }

  @Override
  public void resume(Supplier<HandshakeResult> check) {
    try {
      runCheck(check);
    } catch (RejectedExecutionException e) {
      conn.ctx().executor().execute(() -> finish(HandshakeResult.failure("the server is busy")));
    }
  }

  private void runCheck(Supplier<HandshakeResult> check) {
    server.workers().execute(() -> {
      HandshakeResult r;
      try {
        r = check.get();
      } catch (RuntimeException e) {
        LOG.warn("{}: credential check failed", conn.remote(), e);
        r = HandshakeResult.failure("authentication could not be checked");
      }
      HandshakeResult result = r;
      conn.ctx().executor().execute(() -> {
        if (conn.state() == ConnectionState.SECURITY_HANDSHAKE) {
          finish(result); // not after a timeout or a disconnect closed the connection meanwhile
        }
      });
    });
  }
}
