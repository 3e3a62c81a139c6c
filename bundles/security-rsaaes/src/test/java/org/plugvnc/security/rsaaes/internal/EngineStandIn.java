package org.plugvnc.security.rsaaes.internal;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.api.security.HandshakeResult;
import org.plugvnc.api.security.RecordLayer;
import org.plugvnc.api.security.SecurityContext;
import org.plugvnc.api.security.SecurityHandshake;

/**
 * What the engine does around a handshake, as its contract in the API says, in a few lines for
 * these unit tests: it hands the handshake the bytes received (opened by the record layer once
 * there is one, what followed the last consumed clear byte included), writes what the handshake
 * wrote (sealed after startRecordLayer, clear again after endRecordLayer), runs a resumed check
 * (on the test's thread, after receive returned) and sends SecurityResult. The engine's own
 * behaviour is tested in the engine; the in-framework tests run the two together.
 */
final class EngineStandIn implements SecurityContext {

  private final ByteArrayOutputStream toViewer = new ByteArrayOutputStream();
  private final Growable pendingOut = new Growable();

  /** A byte array output stream whose written bytes can be patched. */
  private static final class Growable extends ByteArrayOutputStream {
    void set(int at, byte b) {
      buf[at] = b;
    }
  }
  private final SecurityHandshake handshake;
  private byte[] raw = new byte[0];
  private byte[] plain = new byte[0];
  private RecordLayer layer;
  private ByteBuffer current;
  private boolean movedToRaw;
  private int changed;
  private Supplier<HandshakeResult> check;
  private HandshakeResult result = HandshakeResult.incomplete();
  private final Path passwordFile;

  EngineStandIn(java.util.function.Function<SecurityContext, SecurityHandshake> make, Path passwordFile) {
    this.passwordFile = passwordFile;
    this.handshake = make.apply(this);
    handshake.start(output());
    flushOut();
  }

  /** The verdict so far. */
  HandshakeResult result() {
    return result;
  }

  /** Bytes the server sent since the last call. */
  byte[] takeSent() {
    byte[] b = toViewer.toByteArray();
    toViewer.reset();
    return b;
  }

  /** The viewer sent {@code bytes}. */
  void receive(byte[] bytes) throws GeneralSecurityException {
    if (result.status() != HandshakeResult.Status.INCOMPLETE) {
      return;
    }
    raw = concat(raw, bytes);
    drain();
    while (result.status() == HandshakeResult.Status.INCOMPLETE && check == null) {
      ByteBuffer in = ByteBuffer.wrap(plain);
      current = in;
      int changedBefore = changed;
      HandshakeResult r = handshake.receive(in, output());
      boolean progressed = in.position() > 0 || changed != changedBefore;
      if (movedToRaw) {
        movedToRaw = false;
        plain = new byte[0];
      } else {
        plain = java.util.Arrays.copyOfRange(plain, in.position(), plain.length);
      }
      drain();
      flushOut();
      if (r.status() != HandshakeResult.Status.INCOMPLETE) {
        finish(r);
        return;
      }
      if (check != null) {
        finish(check.get());
        return;
      }
      if (!progressed) {
        return;
      }
    }
  }

  /** Moves received bytes to the plaintext the handshake reads, through the layer if any. */
  private void drain() throws GeneralSecurityException {
    if (layer == null) {
      plain = concat(plain, raw);
      raw = new byte[0];
      return;
    }
    while (true) {
      int n = layer.recordLength(ByteBuffer.wrap(raw));
      if (n < 0 || raw.length < n) {
        return;
      }
      if (n > layer.maxRecordLength()) {
        throw new GeneralSecurityException("record too long");
      }
      ByteBuffer out = ByteBuffer.allocate(n);
      layer.open(ByteBuffer.wrap(raw, 0, n), out);
      plain = concat(plain, java.util.Arrays.copyOf(out.array(), out.position()));
      raw = java.util.Arrays.copyOfRange(raw, n, raw.length);
    }
  }

  private void finish(HandshakeResult r) {
    result = r;
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    if (r.status() == HandshakeResult.Status.SUCCESS) {
      b.writeBytes(new byte[] {0, 0, 0, 0});
    } else {
      byte[] reason = r.reason().getBytes(StandardCharsets.UTF_8);
      b.writeBytes(new byte[] {0, 0, 0, 1});
      b.writeBytes(ByteBuffer.allocate(4).putInt(reason.length).array());
      b.writeBytes(reason);
    }
    pendingOut.writeBytes(b.toByteArray());
    flushOut();
  }

  private RfbOutput output() {
    return new RfbOutput() {
      @Override
      public void writeU8(int v) {
        pendingOut.write(v);
      }

      @Override
      public void writeU16(int v) {
        pendingOut.write(v >> 8);
        pendingOut.write(v);
      }

      @Override
      public void writeU32(int v) {
        writeU16(v >>> 16);
        writeU16(v);
      }

      @Override
      public void writeBytes(byte[] b, int off, int len) {
        pendingOut.write(b, off, len);
      }

      @Override
      public int position() {
        return pendingOut.size();
      }

      @Override
      public void setU32(int position, int v) {
        for (int i = 0; i < 4; i++) {
          pendingOut.set(position + i, (byte) (v >>> (24 - 8 * i)));
        }
      }
    };
  }

  private void flushOut() {
    byte[] b = pendingOut.toByteArray();
    pendingOut.reset();
    if (layer == null || b.length == 0) {
      toViewer.writeBytes(b);
      return;
    }
    for (int at = 0; at < b.length; at += layer.maxPlaintextLength()) {
      int n = Math.min(layer.maxPlaintextLength(), b.length - at);
      ByteBuffer rec = ByteBuffer.allocate(layer.sealedLength(n));
      layer.seal(ByteBuffer.wrap(b, at, n), rec);
      toViewer.writeBytes(rec.array());
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
    return passwordFile;
  }

  @Override
  public int protocolMinor() {
    return 8;
  }

  @Override
  public void startTls(SSLEngine engine) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void startRecordLayer(RecordLayer layer) {
    flushOut();
    this.layer = layer;
    // What followed the last consumed byte was taken as clear: it goes through the layer now.
    byte[] rest = new byte[current.remaining()];
    current.duplicate().get(rest);
    raw = concat(rest, raw);
    movedToRaw = true;
    changed++;
  }

  @Override
  public void endRecordLayer() {
    flushOut();
    layer = null; // drain() then takes what the layer had not opened as clear, after the rest
    changed++;
  }

  @Override
  public void resume(Supplier<HandshakeResult> check) {
    this.check = check;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
