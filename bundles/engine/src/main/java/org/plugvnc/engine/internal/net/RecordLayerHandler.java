package org.plugvnc.engine.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import org.plugvnc.api.security.RecordLayer;
import org.plugvnc.engine.internal.protocol.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handshake's {@link RecordLayer} as the first handler of the pipeline: records in, plaintext
 * out to the {@link RfbConnection}; plaintext written by the connection is sealed into records at
 * once, in {@link #write}, so that the socket's outbound buffer, which the write-buffer water mark,
 * the Outbox and the OutputBudget measure, holds the sealed bytes and nothing waits in here.
 *
 * <p>Incoming bytes wait here only until their record is whole: at most one record (bounded by
 * {@link RecordLayer#maxRecordLength()} before anything more is buffered) plus one read. A record
 * too long or not opening ends the connection through {@link RfbConnection#exceptionCaught} with
 * the reason; a stream ending inside a record is logged. I/O thread only.
 */
final class RecordLayerHandler extends ChannelDuplexHandler {

  static final String NAME = "record-layer";
  private static final Logger LOG = LoggerFactory.getLogger(RecordLayerHandler.class);

  private final RecordLayer layer;
  private ByteBuf pending;
  private boolean ended;
  private boolean failed;

  RecordLayerHandler(RecordLayer layer) {
    this.layer = layer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (ended) {
      ctx.fireChannelRead(msg);
      return;
    }
    ByteBuf in = (ByteBuf) msg;
    if (failed) {
      in.release();
      return;
    }
    if (pending == null) {
      pending = in;
    } else {
      ByteBuf joined = ctx.alloc().buffer(pending.readableBytes() + in.readableBytes());
      joined.writeBytes(pending).writeBytes(in);
      pending.release();
      in.release();
      pending = joined;
    }
    openRecords(ctx);
  }

  /** Opens and passes on every whole record; stops when the layer is ended meanwhile. */
  private void openRecords(ChannelHandlerContext ctx) {
    while (!ended && !failed && pending != null && pending.isReadable()) {
      int length = layer.recordLength(pending.nioBuffer());
      if (length == 0 || length > layer.maxRecordLength()) {
        fail(ctx, "a record of " + length + " bytes (the most accepted: " + layer.maxRecordLength()
            + ")");
        return;
      }
      if (length < 0 || pending.readableBytes() < length) {
        break;
      }
      ByteBuf plain = ctx.alloc().buffer(length);
      try {
        ByteBuffer out = plain.nioBuffer(0, length);
        layer.open(pending.nioBuffer(pending.readerIndex(), length), out);
        plain.writerIndex(out.position());
      } catch (GeneralSecurityException | RuntimeException e) {
        plain.release();
        fail(ctx, "a record that does not open: " + e.getMessage());
        return;
      }
      pending.skipBytes(length);
      if (!pending.isReadable()) {
        pending.release();
        pending = null;
      }
      ctx.fireChannelRead(plain); // may end the layer (RA2ne): then what is left is taken in clear
    }
  }

  private void fail(ChannelHandlerContext ctx, String reason) {
    failed = true;
    release();
    ctx.fireExceptionCaught(new DecoderException(new ProtocolException(reason)));
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (ended) {
      ctx.write(msg, promise);
      return;
    }
    if (!(msg instanceof ByteBuf plain)) {
      ReferenceCountUtil.release(msg);
      promise.setFailure(new IllegalArgumentException("not bytes: " + msg.getClass().getName()));
      return;
    }
    try {
      ctx.write(seal(ctx, plain), promise);
    } finally {
      plain.release();
    }
  }

  /** All of {@code plain} as records of at most the layer's plaintext length, in one buffer. */
  private ByteBuf seal(ChannelHandlerContext ctx, ByteBuf plain) {
    int max = layer.maxPlaintextLength();
    int total = plain.readableBytes();
    int whole = total / max;
    int rest = total % max;
    long size = (long) whole * layer.sealedLength(max) + (rest > 0 ? layer.sealedLength(rest) : 0);
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a message of " + total + " bytes is too long to seal");
    }
    ByteBuf records = ctx.alloc().buffer((int) size);
    try {
      ByteBuffer out = records.nioBuffer(0, (int) size);
      for (int at = plain.readerIndex(); at < plain.writerIndex(); at += max) {
        int n = Math.min(max, plain.writerIndex() - at);
        layer.seal(plain.nioBuffer(at, n), out);
      }
      records.writerIndex(out.position());
      return records;
    } catch (RuntimeException e) {
      records.release();
      throw e;
    }
  }

  /**
   * Ends the layer: from now on bytes pass through in clear. Returns the bytes received after the
   * last record it opened (null: none), which the caller hands on in clear.
   */
  ByteBuf end() {
    ended = true;
    ByteBuf rest = pending;
    pending = null;
    return rest;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (!ended && pending != null && pending.isReadable()) {
      LOG.info("{}: the connection ended inside a record ({} bytes of it received)",
          ctx.channel().remoteAddress(), pending.readableBytes());
    }
    release();
    super.channelInactive(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    release();
  }

  private void release() {
    if (pending != null) {
      pending.release();
      pending = null;
    }
  }
}
