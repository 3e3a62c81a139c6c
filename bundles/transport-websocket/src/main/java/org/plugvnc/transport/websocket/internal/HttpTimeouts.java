package org.plugvnc.transport.websocket.internal;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two clocks of an HTTP connection, first in its pipeline so that it sees every byte (TLS
 * records included): a request's line and headers must arrive within the request timeout of the
 * connection or of the first byte after the last response (a client that dribbles a request, or
 * never finishes its TLS handshake, is closed), a response that makes no progress for the idle
 * timeout is given up with its connection, and a keep-alive connection that sends nothing is
 * closed after the idle timeout. Removed when the connection becomes a WebSocket. Event loop only.
 */
final class HttpTimeouts extends ChannelDuplexHandler {

  static final String NAME = "http-timeouts";

  private static final Logger LOG = LoggerFactory.getLogger(HttpTimeouts.class);

  private enum State { AWAITING_REQUEST, HANDLING, IDLE }

  private final long requestMillis;
  private final long idleMillis;
  private State state = State.AWAITING_REQUEST;
  private ScheduledFuture<?> timer;
  private ChannelHandlerContext ctx;

  HttpTimeouts(long requestMillis, long idleMillis) {
    this.requestMillis = requestMillis;
    this.idleMillis = idleMillis;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    arm(requestMillis, "no complete request within " + requestMillis + " ms");
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancel();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (state == State.IDLE) {
      state = State.AWAITING_REQUEST;
      arm(requestMillis, "no complete request within " + requestMillis + " ms");
    }
    ctx.fireChannelRead(msg);
  }

  /**
   * A request's head has arrived: while it is answered, only the progress clock runs ({@link
   * #write}).
   */
  void requestArrived() {
    state = State.HANDLING;
    cancel();
  }

  /**
   * While a response is written, each write restarts the idle clock. A file goes out a chunk at a
   * time, and the next chunk is written only once the socket has taken the last ones (the
   * ChunkedWriteHandler waits for writability): a client that reads, however slowly, keeps its
   * response going, while one that never reads stops the writes, and is closed after the idle
   * timeout instead of holding its socket and a write buffer's worth of the file for ever.
   */
  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (state == State.HANDLING) {
      arm(idleMillis, "the response made no progress for " + idleMillis + " ms (not read)");
    }
    ctx.write(msg, promise);
  }

  /** The response is written and the connection stays open: the idle clock runs. */
  void responseDone() {
    if (state == State.HANDLING) {
      state = State.IDLE;
      arm(idleMillis, "idle for " + idleMillis + " ms");
    }
  }

  private void arm(long millis, String reason) {
    cancel();
    timer = ctx.executor().schedule(() -> {
      LOG.debug("HTTP connection from {} closed: {}", ctx.channel().remoteAddress(), reason);
      ctx.close();
    }, millis, TimeUnit.MILLISECONDS);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
