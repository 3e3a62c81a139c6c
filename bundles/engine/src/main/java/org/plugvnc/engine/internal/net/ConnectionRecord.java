package org.plugvnc.engine.internal.net;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.plugvnc.api.pixel.PixelFormat;
import org.plugvnc.api.protocol.Rfb;
import org.plugvnc.api.security.Identity;
import org.plugvnc.engine.internal.update.RectTally;

/**
 * What the operator may learn about one connection, from its accept to its end: who it is, how it
 * authenticated, what it has been sent, and why it ended. Written on the connection's I/O thread,
 * read by management from any thread: every field a reader sees is safely published, and the
 * counters may lag a write by a moment.
 */
public final class ConnectionRecord implements RectTally {

  private final long id;
  private final String peer;
  private final String desktop;
  private final Instant connectedSince = Instant.now();
  private final UpdateRate updateRate = new UpdateRate();
  /** Rectangles per encoding, in the order first used; replaced (never changed) to add one. */
  private volatile Tally tally = new Tally(new int[0], new LongAdder[0]);
  private volatile int securityType = Rfb.SECURITY_INVALID;
  private volatile Identity identity;
  private volatile PixelFormat pixelFormat = PixelFormat.RGB888;
  private volatile List<Integer> encodingsListed = List.of();
  private volatile long bytesWritten;
  private volatile long updatesSent;
  private volatile String endReason;

  ConnectionRecord(long id, String peer) {
    this(id, peer, "default");
  }

  ConnectionRecord(long id, String peer, String desktop) {
    this.id = id;
    this.peer = peer;
    this.desktop = desktop;
  }

  /** The id of the desktop the viewer connected to. */
  public String desktop() {
    return desktop;
  }

  /**
   * {@code address} as people write it: {@code 10.0.0.7:51234}, {@code [::1]:51234}, {@code unix}
   * (a Unix domain socket's peer, which has no name).
   */
  static String peer(SocketAddress address) {
    if (address instanceof InetSocketAddress a && a.getAddress() != null) {
      return AddressText.hostAndPort(a);
    }
    if (address instanceof UnixDomainSocketAddress u) {
      String path = u.getPath().toString();
      return path.isEmpty() ? "unix" : "unix:" + path;
    }
    return String.valueOf(address);
  }

  /** The connection's number, unique while the server runs. */
  public long id() {
    return id;
  }

  /** The viewer's address and port. */
  public String peer() {
    return peer;
  }

  /** When it was accepted. */
  public Instant connectedSince() {
    return connectedSince;
  }

  void authenticated(Identity who) {
    identity = who;
  }

  void chose(int type) {
    securityType = type;
  }

  /** The chosen security type's number; {@link Rfb#SECURITY_INVALID} before one was chosen. */
  public int securityType() {
    return securityType;
  }

  /** Who authenticated; null before that. */
  public Identity identity() {
    return identity;
  }

  void pixelFormat(PixelFormat format) {
    pixelFormat = format;
  }

  /** The pixel format the viewer asked for (the server's own until it asks). */
  public PixelFormat pixelFormat() {
    return pixelFormat;
  }

  void encodingsListed(List<Integer> encodings) {
    encodingsListed = List.copyOf(encodings);
  }

  /** The encodings the viewer listed last, in its order. */
  public List<Integer> encodingsListed() {
    return encodingsListed;
  }

  /** I/O thread: {@code bytes} were handed to the socket's queue. */
  void written(long bytes) {
    bytesWritten += bytes; // one writer: the I/O thread
  }

  /** Bytes handed to the socket's queue so far. */
  public long bytesWritten() {
    return bytesWritten;
  }

  /** I/O thread: a FramebufferUpdate went out. */
  void updateSent(long nowNanos) {
    updatesSent++; // one writer: the I/O thread
    updateRate.count(nowNanos);
  }

  /** FramebufferUpdates sent so far. */
  public long updatesSent() {
    return updatesSent;
  }

  /** FramebufferUpdates per second over the last few whole seconds. */
  public double updatesPerSecond(long nowNanos) {
    return updateRate.perSecond(nowNanos);
  }

  /**
   * I/O thread, for every rectangle written: a scan of the few encodings used so far, no boxing
   * and no allocation once an encoding has been seen.
   */
  @Override
  public void rect(int encoding) {
    Tally t = tally;
    for (int i = 0; i < t.encodings.length; i++) {
      if (t.encodings[i] == encoding) {
        t.counts[i].increment();
        return;
      }
    }
    int n = t.encodings.length;
    int[] encodings = Arrays.copyOf(t.encodings, n + 1);
    LongAdder[] counts = Arrays.copyOf(t.counts, n + 1);
    encodings[n] = encoding;
    counts[n] = new LongAdder();
    counts[n].increment();
    tally = new Tally(encodings, counts);
  }

  /** Rectangles sent so far per encoding number, in the order first used. */
  public Map<Integer, Long> rectsPerEncoding() {
    Tally t = tally;
    Map<Integer, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < t.encodings.length; i++) {
      out.put(t.encodings[i], t.counts[i].sum());
    }
    return out;
  }

  /** Whether rectangles of {@code encoding} have been sent. */
  public boolean used(int encoding) {
    for (int e : tally.encodings) {
      if (e == encoding) {
        return true;
      }
    }
    return false;
  }

  private record Tally(int[] encodings, LongAdder[] counts) {}

  /** Keeps the first reason given for ending the connection; later ones are consequences. */
  void ending(String reason) {
    if (endReason == null) {
      endReason = reason;
    }
  }

  /** Why the connection ended, or null when no side said (the viewer just closed it). */
  String endReason() {
    return endReason;
  }
}
