package org.plugvnc.engine.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.Identity;
import org.plugvnc.api.security.RecordLayer;
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

  static final String TOO_MANY_FAILURES =
      "too many authentication failures from this address; try again later";

  private final RfbConnection conn;
  private final ServerContext server;
  private final int minor;
  private final PreAuthLimits.Ticket ticket;
  private List<Integer> offered = List.of();
  private Map<Integer, SecurityTypeFactory> factories = Map.of();
  private int chosen = Rfb.SECURITY_INVALID;
  private SecurityHandshake handshake;
  private ByteBuf pendingOut;
  /** True while the handshake's start or receive runs: the only time it may change layers. */
  private boolean inHandshake;
  /** A success waits for the TLS handshake under it (X509None): it counts only once TLS is up. */
  private boolean awaitingTls;
  private final WorkerCheck worker;
  private AuthFailureThrottle.Judgement judgement;

  SecurityPhase(RfbConnection conn, ServerContext server, int minor, PreAuthLimits.Ticket ticket) {
    this.conn = conn;
    this.ticket = ticket;
    this.server = server;
    this.minor = minor;
    this.worker = new WorkerCheck(server.workers(), conn.ctx().executor(), conn.remote());
  }

  /**
   * Sends the offer (3.7+) or the server's choice (3.3), or fails with a reason: the address is
   * blocked, too many connections wait to authenticate ({@code ticket} refused), or there is
   * nothing to offer.
   */
  void offer() {
    if (server.authFailures().blocked(address())) {
      fail(TOO_MANY_FAILURES);
      return;
    }
    if (!ticket.admitted()) {
      fail(ticket.refusal());
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
      // The details help the operator; whoever connects learns nothing of the configuration.
      LOG.warn("{}: no security type to offer (configured: {}, registered: {}, protocol 3.{})",
          conn.remote(), server.settings().securityTypes(), factories.keySet(), minor);
      fail("no security type this viewer can use is available");
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
    server.events().authenticationFailed(conn.record(), reason);
    ByteBuf out = conn.ctx().alloc().buffer();
    if (minor >= 7) {
      ServerMessageWriter.securityTypesFailure(out, reason);
    } else {
      ServerMessageWriter.securityType33Failure(out, reason);
    }
    conn.closeAfter(out, reason);
  }

  /** The peer as the throttle counts it ({@link AddressKey}). */
  private InetAddress address() {
    return AddressKey.of(remoteAddress());
  }

  /** Reads the client's one-byte choice (3.7+). */
  boolean readChoice(ByteBuf in) {
    if (!in.isReadable()) {
      return false;
    }
    int type = in.readUnsignedByte();
    if (!offered.contains(type)) {
      server.authFailures().failed(address()); // a try at skipping authentication counts
      sendRefusal("security type " + Rfb.securityTypeName(type) + " was not offered");
      return false;
    }
    begin(type);
    return true;
  }

  private void begin(int type) {
    chosen = type;
    conn.record().chose(type);
    LOG.debug("{}: security type {}", conn.remote(), Rfb.securityTypeName(type));
    handshake = factories.get(type).create(this);
    conn.enter(ConnectionState.SECURITY_HANDSHAKE);
    ByteBuf out = conn.ctx().alloc().buffer();
    pendingOut = out;
    inHandshake = true;
    try {
      handshake.start(new ByteBufRfbOutput(out));
    } finally {
      inHandshake = false;
      pendingOut = null;
    }
    flush(out);
    receive(Unpooled.EMPTY_BUFFER);
  }

  /**
   * Hands received bytes to the handshake. True when the loop may go on: the handshake finished
   * with success, or consumed a message and waits for the next.
   *
   * <p>The throttle decides before each call whether an answer from this address may be judged at
   * all (see {@link AuthFailureThrottle#judge}): parallel handshakes cannot get more answers judged
   * than the blacklist threshold allows. While an asynchronous check runs, nothing more is handed
   * to the handshake; what arrives waits until the verdict.
   */
  boolean receive(ByteBuf in) {
    if (worker.running() || awaitingTls) {
      return false;
    }
    judgement = server.authFailures().judge(address());
    if (judgement == null) {
      refuseUnjudged(TOO_MANY_FAILURES);
      return false;
    }
    ByteBuffer view = in.nioBuffer();
    int before = view.position();
    ByteBuf out = conn.ctx().alloc().buffer();
    pendingOut = out;
    inHandshake = true;
    HandshakeResult result;
    try {
      result = handshake.receive(view, new ByteBufRfbOutput(out));
    } catch (RuntimeException e) {
      out.release();
      LOG.error("{}: security type {} failed", conn.remote(), Rfb.securityTypeName(chosen), e);
      refuseUnjudged("the server could not check the authentication");
      return false;
    } finally {
      inHandshake = false;
      pendingOut = null;
    }
    in.skipBytes(view.position() - before);
    flush(out);
    if (result.status() == HandshakeResult.Status.INCOMPLETE && !worker.running()) {
      endJudgement(null); // no verdict: the handshake needs more bytes
    } else if (result.status() == HandshakeResult.Status.SUCCESS && awaitTls(result)) {
      return false;
    } else if (result.status() != HandshakeResult.Status.INCOMPLETE) {
      finish(result);
    }
    return result.status() == HandshakeResult.Status.SUCCESS
        || (result.status() == HandshakeResult.Status.INCOMPLETE && !worker.running()
            && view.position() > before);
  }

  /**
   * When TLS was put under the connection and its handshake is not done yet, takes {@code success}
   * only once it is (true): a viewer that never completes TLS is not logged, counted or announced
   * as authenticated. A TLS handshake that fails closes the connection (SslHandler), uncounted.
   */
  private boolean awaitTls(HandshakeResult success) {
    // by name: a transport's own TLS (wss) may be in the pipeline too
    SslHandler tls = (SslHandler) conn.ctx().pipeline().get(ConnectionLayers.TLS);
    if (tls == null || tls.handshakeFuture().isDone()) {
      return false;
    }
    awaitingTls = true;
    tls.handshakeFuture().addListener(done -> {
      Runnable take = () -> {
        awaitingTls = false;
        if (!done.isSuccess() || conn.state() != ConnectionState.SECURITY_HANDSHAKE) {
          endJudgement(null);
          return;
        }
        finish(success);
        if (conn.state() == ConnectionState.CLIENT_INIT) {
          conn.resumeReading(); // decodes a ClientInit that came with the end of TLS
        }
      };
      if (conn.ctx().executor().inEventLoop()) {
        take.run();
      } else {
        conn.ctx().executor().execute(take);
      }
    });
    return true;
  }

  /** Takes a verdict; a success from an address blocked meanwhile is refused, uncounted. */
  private void finish(HandshakeResult result) {
    switch (result.status()) {
      case SUCCESS:
        if (!endJudgement(result)) {
          refuseUnjudged(TOO_MANY_FAILURES);
          return;
        }
        Identity identity = result.identity();
        conn.record().authenticated(identity);
        server.events().authenticated(conn.record());
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
        endJudgement(result);
        sendRefusal(result.reason());
        return;
      default:
        return;
    }
  }

  /**
   * Ends the judgement in progress with {@code verdict} (null: none); true unless a success must be
   * refused because the address got blocked while it was judged.
   */
  private boolean endJudgement(HandshakeResult verdict) {
    AuthFailureThrottle.Judgement j = judgement;
    judgement = null;
    if (j == null) {
      return verdict == null || verdict.status() != HandshakeResult.Status.SUCCESS;
    }
    if (verdict == null) {
      j.abandoned();
      return true;
    }
    if (verdict.status() == HandshakeResult.Status.FAILURE) {
      j.failed();
      return true;
    }
    return j.succeeded();
  }

  /** RFC 6143 7.1.3: 3.3 and 3.7 send no SecurityResult after None. */
  private boolean sendsResultOnSuccess() {
    return !(chosen == Rfb.SECURITY_NONE && minor < 8);
  }

  /** Refuses for a reason the throttle does not count (no answer was judged). */
  private void refuseUnjudged(String reason) {
    endJudgement(null);
    sendRefusal(reason);
  }

  private void sendRefusal(String reason) {
    server.events().authenticationFailed(conn.record(), reason);
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

  @Override
  public SocketAddress remoteAddress() {
    return conn.ctx().channel().remoteAddress();
  }

  @Override
  public List<Integer> offeredTypes() {
    return offered;
  }

  @Override
  public String desktop() {
    return server.desktopId();
  }

  @Override
  public Path passwordFile() {
    return server.passwordFile();
  }

  @Override
  public int protocolMinor() {
    return minor;
  }

  /** What the handshake wrote so far (VeNCrypt's acknowledgement) goes out in clear first. */
  @Override
  public void startTls(SSLEngine engine) {
    checkInHandshake("startTls");
    writePending();
    conn.layers().startTls(engine);
  }

  /** What the handshake wrote so far goes out in clear, what it writes afterwards is sealed. */
  @Override
  public void startRecordLayer(RecordLayer layer) {
    checkInHandshake("startRecordLayer");
    writePending();
    conn.layers().startRecordLayer(layer);
  }

  /** What the handshake wrote so far is still sealed: the layer goes only after it. */
  @Override
  public void endRecordLayer() {
    checkInHandshake("endRecordLayer");
    writePending();
    conn.layers().endRecordLayer();
  }

  private void checkInHandshake(String what) {
    if (!inHandshake || !conn.ctx().executor().inEventLoop()) {
      throw new IllegalStateException(what + " is only for the handshake's start or receive");
    }
  }

  private void writePending() {
    if (pendingOut != null && pendingOut.isReadable()) {
      conn.ctx().writeAndFlush(pendingOut.readRetainedSlice(pendingOut.readableBytes()));
    }
  }

  /**
   * Runs {@code check} on a worker; its verdict is taken on the I/O thread as if {@link
   * SecurityHandshake#receive} had returned it, and bytes that arrived meanwhile (ClientInit) are
   * decoded then. The judgement taken for the answer stays in progress until the verdict, so slow
   * checks in parallel cannot escape the throttle either. Any thread.
   */
  @Override
  public void resume(Supplier<HandshakeResult> check) {
    if (conn.ctx().executor().inEventLoop()) {
      startCheck(check);
    } else {
      conn.ctx().executor().execute(() -> startCheck(check));
    }
  }

  private void startCheck(Supplier<HandshakeResult> check) {
    if (conn.state() != ConnectionState.SECURITY_HANDSHAKE || worker.running()) {
      return;
    }
    if (judgement == null) {
      judgement = server.authFailures().judge(address());
      if (judgement == null) {
        refuseUnjudged(TOO_MANY_FAILURES);
        return;
      }
    }
    if (worker.start(check, this::deliver)) {
      conn.pauseReading();
    } else {
      refuseUnjudged("the server is busy; try again later");
    }
  }

  /** I/O thread: the verdict of an asynchronous check (null: the check itself failed). */
  private void deliver(HandshakeResult verdict) {
    if (conn.state() != ConnectionState.SECURITY_HANDSHAKE) {
      // Closed meanwhile (timeout, disconnect): a wrong answer still counts, or closing right
      // after answering would be a way around the throttle.
      endJudgement(verdict != null && verdict.status() == HandshakeResult.Status.FAILURE ? verdict : null);
      return;
    }
    if (verdict == null) {
      refuseUnjudged("the server could not check the authentication");
      return;
    }
    finish(verdict);
    if (conn.state() == ConnectionState.CLIENT_INIT) {
      conn.resumeReading();
    }
  }
}
