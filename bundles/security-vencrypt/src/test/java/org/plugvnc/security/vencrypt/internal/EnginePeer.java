package org.plugvnc.security.vencrypt.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * One side of a TLS connection run in memory: network bytes in and out, application bytes in and
 * out, moved through an {@link SSLEngine} as its contract says (delegated tasks run at once).
 */
final class EnginePeer {

  final SSLEngine engine;
  private ByteBuffer netIn = ByteBuffer.allocate(1 << 16);
  private final ByteArrayOutputStream netOut = new ByteArrayOutputStream();
  private final ByteArrayOutputStream appIn = new ByteArrayOutputStream();
  private ByteBuffer appOut = ByteBuffer.allocate(0);

  EnginePeer(SSLEngine engine) throws SSLException {
    this.engine = engine;
    engine.beginHandshake();
    pump();
  }

  /** Network bytes from the other side. */
  void receive(byte[] bytes) throws SSLException {
    if (netIn.remaining() < bytes.length) {
      ByteBuffer bigger = ByteBuffer.allocate(netIn.capacity() + bytes.length + (1 << 16));
      netIn.flip();
      bigger.put(netIn);
      netIn = bigger;
    }
    netIn.put(bytes);
    pump();
  }

  /** Application bytes to send once the handshake allows. */
  void send(byte[] bytes) throws SSLException {
    ByteBuffer joined = ByteBuffer.allocate(appOut.remaining() + bytes.length);
    joined.put(appOut).put(bytes).flip();
    appOut = joined;
    pump();
  }

  /** The network bytes produced so far, taken. */
  byte[] takeNetOut() {
    byte[] b = netOut.toByteArray();
    netOut.reset();
    return b;
  }

  /** The application bytes decrypted so far, taken. */
  byte[] takeAppIn() {
    byte[] b = appIn.toByteArray();
    appIn.reset();
    return b;
  }

  boolean handshaking() {
    SSLEngineResult.HandshakeStatus s = engine.getHandshakeStatus();
    return s != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING && s != SSLEngineResult.HandshakeStatus.FINISHED;
  }

  /** Unwraps and wraps until nothing moves. */
  void pump() throws SSLException {
    boolean progress = true;
    while (progress) {
      progress = false;
      netIn.flip();
      try {
        while (netIn.hasRemaining()) {
          ByteBuffer app = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
          SSLEngineResult r = engine.unwrap(netIn, app);
          runTasks();
          app.flip();
          appIn.write(app.array(), 0, app.limit());
          if (r.getStatus() != SSLEngineResult.Status.OK || r.bytesConsumed() == 0) {
            break;
          }
          progress = true;
        }
      } finally {
        netIn.compact();
      }
      while (appOut.hasRemaining() || engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
        ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        SSLEngineResult r = engine.wrap(appOut, net);
        runTasks();
        net.flip();
        netOut.write(net.array(), 0, net.limit());
        if (r.bytesProduced() == 0 && r.bytesConsumed() == 0) {
          break;
        }
        progress = true;
        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
          break;
        }
      }
    }
  }

  private void runTasks() {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
  }
}
