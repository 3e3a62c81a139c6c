package org.plugvnc.engine.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import org.plugvnc.api.security.RecordLayer;

/**
 * The layers a security handshake puts under its connection (TLS, a record layer), at the start of
 * the RFB stream ({@link RfbStream}: after whatever the transport has in the pipeline), and the hand-over that keeps bytes from being lost or read in clear when one is added
 * or removed.
 *
 * <p>The {@link RfbConnection}'s decoder may hold bytes beyond what the handshake consumed: a
 * viewer that sends its ClientHello right behind its VeNCrypt subtype choice, or its first record
 * right behind its key exchange. Those were read under the old layers. So on a change the decode
 * loop stops, and once the read's decoding is over ({@link #deliver}) they go to the pipeline's
 * start of the stream again, through the new layer, followed by what a removed layer had not opened yet. I/O
 * thread only.
 */
final class ConnectionLayers {

  /** The name of the SslHandler in the pipeline. */
  static final String TLS = "tls";

  private final ChannelHandlerContext ctx;
  private RecordLayerHandler recordLayer;
  private boolean changed;
  /** Bytes a removed layer had not opened, to follow the ones still in the decoder. */
  private ByteBuf removedRest;
  /** What is to go to the start of the RFB stream once the current decode is over. */
  private ByteBuf handedOver;

  ConnectionLayers(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Adds TLS at the start of the RFB stream; what the connection writes from now on waits until
   * the TLS handshake is done ({@link TlsHandshakeHold}).
   */
  void startTls(SSLEngine engine) {
    checkNone();
    SslHandler tls = new SslHandler(engine);
    ctx.pipeline().addAfter(RfbStream.NAME, TLS, tls);
    ctx.pipeline().addAfter(TLS, TlsHandshakeHold.NAME, new TlsHandshakeHold(tls));
    changed = true;
  }

  /** Adds {@code layer} at the start of the RFB stream. */
  void startRecordLayer(RecordLayer layer) {
    checkNone();
    recordLayer = new RecordLayerHandler(Objects.requireNonNull(layer, "layer"));
    ctx.pipeline().addAfter(RfbStream.NAME, RecordLayerHandler.NAME, recordLayer);
    changed = true;
  }

  /** Removes the record layer; what it had not opened follows in clear. */
  void endRecordLayer() {
    if (recordLayer == null) {
      throw new IllegalStateException("no record layer is in place");
    }
    ByteBuf rest = recordLayer.end();
    ctx.pipeline().remove(recordLayer);
    recordLayer = null;
    if (removedRest != null) {
      removedRest.release();
    }
    removedRest = rest;
    changed = true;
  }

  private void checkNone() {
    ChannelPipeline p = ctx.pipeline();
    if (recordLayer != null || p.get(TLS) != null) {
      throw new IllegalStateException("a layer is already in place");
    }
  }

  /** Whether a layer changed since the last {@link #handOver}: the decode loop must stop. */
  boolean changed() {
    return changed;
  }

  /**
   * Takes what {@code in} holds unconsumed (and a removed layer's rest) for {@link #deliver};
   * {@code in} is left empty. Drops it all instead when {@code closed}.
   */
  void handOver(ByteBuf in, boolean closed) {
    changed = false;
    ByteBuf rest = removedRest;
    removedRest = null;
    int size = in.readableBytes() + (rest == null ? 0 : rest.readableBytes());
    if (size > 0 && !closed) {
      ByteBuf all = handedOver != null ? handedOver : ctx.alloc().buffer(size);
      all.writeBytes(in);
      if (rest != null) {
        all.writeBytes(rest);
      }
      handedOver = all;
    }
    in.skipBytes(in.readableBytes());
    if (rest != null) {
      rest.release();
    }
  }

  /**
   * Hands what {@link #handOver} took to the start of the RFB stream, after the read that took it was
   * decoded; called by {@link RfbConnection#channelRead}. Nothing unless a layer changed.
   */
  void deliver(boolean closed) {
    ByteBuf again = handedOver;
    if (again == null) {
      return;
    }
    handedOver = null;
    if (closed) {
      again.release();
      return;
    }
    ChannelHandlerContext start = ctx.pipeline().context(RfbStream.NAME);
    start.fireChannelRead(again);
    start.fireChannelReadComplete(); // TLS flushes its answers on read complete
  }

  /** The connection ended: releases what waits. */
  void release() {
    if (removedRest != null) {
      removedRest.release();
      removedRest = null;
    }
    if (handedOver != null) {
      handedOver.release();
      handedOver = null;
    }
  }
}
