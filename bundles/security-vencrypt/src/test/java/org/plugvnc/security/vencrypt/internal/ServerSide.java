package org.plugvnc.security.vencrypt.internal;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.SecurityHandshake;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.plugvnc.testsupport.CapturingOutput;

/**
 * Drives a security handshake as the engine's contract says, without the engine: start once, then
 * receive with whatever is buffered; after {@link #startTls} the network bytes pass through the
 * given server engine ({@link EnginePeer}), including what the viewer sent right after its
 * choice in the same read; a check handed to {@link #resume} runs on another thread and its verdict
 * becomes the result.
 */
final class ServerSide implements SecurityContext {

  private SecurityHandshake handshake;
  private ByteBuffer pending = ByteBuffer.allocate(0);
  private final ByteArrayOutputStream toClient = new ByteArrayOutputStream();
  private CapturingOutput out;
  private int tlsFrom = -1;
  private EnginePeer tls;
  private HandshakeResult result = HandshakeResult.incomplete();
  private volatile String checkThread;
  private List<Integer> topLevel = List.of();

  /** The types the desktop offers at the top level (before {@link #start}). */
  ServerSide offering(Integer... types) {
    topLevel = List.of(types);
    return this;
  }

  @Override
  public List<Integer> offeredTypes() {
    return topLevel;
  }

  /** Creates the handshake of {@code factory} for this connection and starts it. */
  ServerSide start(SecurityTypeFactory factory) throws SSLException {
    handshake = factory.create(this);
    out = new CapturingOutput();
    handshake.start(out);
    flushOutput();
    run();
    return this;
  }

  /** Network bytes from the viewer. */
  void receive(byte[] network) throws SSLException {
    if (tls == null) {
      append(network);
    } else {
      tls.receive(network);
      append(tls.takeAppIn());
    }
    run();
  }

  /** Everything sent to the viewer so far (clear text, then TLS records), taken. */
  byte[] takeToClient() {
    if (tls != null) {
      toClient.writeBytes(tls.takeNetOut());
    }
    byte[] b = toClient.toByteArray();
    toClient.reset();
    return b;
  }

  HandshakeResult result() {
    return result;
  }

  EnginePeer tls() {
    return tls;
  }

  String checkThread() {
    return checkThread;
  }

  private void append(byte[] bytes) {
    ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + bytes.length);
    joined.put(pending).put(bytes).flip();
    pending = joined;
  }

  private void run() throws SSLException {
    boolean again = true;
    while (again && result.status() == HandshakeResult.Status.INCOMPLETE) {
      out = new CapturingOutput();
      int before = pending.position();
      HandshakeResult r = handshake.receive(pending, out);
      if (r.status() != HandshakeResult.Status.INCOMPLETE) {
        result = r;
      }
      flushOutput();
      again = r.status() == HandshakeResult.Status.INCOMPLETE && pending.position() > before && tlsFrom < 0;
      if (tlsFrom >= 0) {
        tlsFrom = -1;
        // What followed the choice in the same read is the start of TLS: into the engine with it.
        byte[] rest = new byte[pending.remaining()];
        pending.get(rest);
        tls.receive(rest);
        append(tls.takeAppIn());
        again = pending.hasRemaining();
      }
    }
    if (tls != null) {
      tls.pump();
    }
  }

  private void flushOutput() throws SSLException {
    byte[] written = out.bytes();
    int clear = tlsFrom >= 0 ? tlsFrom : (tls == null ? written.length : 0);
    toClient.write(written, 0, clear);
    if (clear < written.length) {
      tls.send(Arrays.copyOfRange(written, clear, written.length));
    }
  }

  @Override
  public SocketAddress remoteAddress() {
    return new InetSocketAddress("127.0.0.1", 40000);
  }

  @Override
  public String desktop() {
    return "default";
  }

  @Override
  public Path passwordFile() {
    return null;
  }

  @Override
  public int protocolMinor() {
    return 8;
  }

  @Override
  public void startTls(SSLEngine engine) {
    if (tls != null) {
      throw new IllegalStateException("TLS started twice");
    }
    try {
      tls = new EnginePeer(engine);
    } catch (SSLException e) {
      throw new IllegalStateException(e);
    }
    tlsFrom = out.position();
  }

  @Override
  public void resume(Supplier<HandshakeResult> check) {
    HandshakeResult[] verdict = new HandshakeResult[1];
    Thread worker = new Thread(() -> {
      checkThread = Thread.currentThread().getName();
      verdict[0] = check.get();
    }, "test-worker");
    worker.start();
    try {
      worker.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    result = verdict[0] == null ? HandshakeResult.failure("check failed") : verdict[0];
  }
}
