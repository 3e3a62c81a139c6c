package org.plugvnc.interop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.plugvnc.client.Limits;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.ProtocolVersion;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.protocol.ClientMessages;
import org.plugvnc.client.protocol.Handshake;
import org.plugvnc.client.protocol.HandshakeOptions;
import org.plugvnc.client.protocol.RfbInput;

/**
 * A hostile viewer that completes the handshake and then never reads again, while it sends, every
 * {@link #TICK}, {@link #PIXEL_FORMATS_PER_TICK} SetPixelFormats for an 8-bit colour-map format
 * (each asks the server for a SetColourMapEntries reply) and one {@link #CUT_TEXT_LENGTH}-byte
 * ClientCutText (each is sent on to every other viewer as ServerCutText).
 *
 * <p>After the handshake the channel is non-blocking, so a server that stops reading shows up as a
 * write that makes no progress (counted once it lasts {@link #BLOCKED_AFTER}) instead of a hung
 * test. Writes go through one 8 KiB direct buffer, which keeps this JVM's own direct memory small.
 */
final class FloodingViewer implements AutoCloseable {

  static final Duration TICK = Duration.ofMillis(100);
  static final int PIXEL_FORMATS_PER_TICK = 50;
  static final int CUT_TEXT_LENGTH = 16 * 1024;
  static final Duration BLOCKED_AFTER = Duration.ofSeconds(1);

  /** Small, and set before connecting: the kernel absorbs little of what the server sends. */
  private static final int RECEIVE_BUFFER = 8 * 1024;
  private static final int CHUNK = 8 * 1024;
  /** The most read at the end to find the server's close (if any) behind the data it sent. */
  private static final long MAX_DRAIN = 8L * 1024 * 1024;

  private final SocketChannel channel;
  private final ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
  private final int id;
  private final byte[] batch;
  private final int textOffset;
  private volatile long bytesSent;
  private volatile int blockedWrites;
  private volatile boolean writeFailed;

  private FloodingViewer(SocketChannel channel, int id) {
    this.channel = channel;
    this.id = id;
    this.batch = firstBatch(new Random(id));
    this.textOffset = batch.length - CUT_TEXT_LENGTH;
  }

  /**
   * Connects to 127.0.0.1:{@code port} and runs the RFB 3.8 handshake with security None and
   * shared=1, up to and including ServerInit; each step may take {@code timeout}.
   *
   * @throws IOException when the connection or the handshake fails
   */
  static FloodingViewer connect(int port, int id, Duration timeout) throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.socket().connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
      channel.socket().setSoTimeout((int) timeout.toMillis());
      HandshakeOptions options = new HandshakeOptions(ProtocolVersion.V3_8, null, null,
          RfbNumbers.SECURITY_NONE, false, null, true, Limits.DEFAULT);
      Handshake.perform(new RfbInput(channel.socket().getInputStream()),
          channel.socket().getOutputStream(), options);
      channel.configureBlocking(false);
      return new FloodingViewer(channel, id);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Floods until {@code deadlineNanos} ({@link System#nanoTime()}), one batch per {@link #TICK}.
   * Returns early when a write fails (the server closed the connection). Never blocks past the
   * deadline.
   */
  void flood(long deadlineNanos) {
    try {
      for (int tick = 0; System.nanoTime() < deadlineNanos; tick++) {
        long next = System.nanoTime() + TICK.toNanos();
        if (!send(batch(tick), deadlineNanos)) {
          return;
        }
        long sleep = Math.min(next, deadlineNanos) - System.nanoTime();
        if (sleep > 0) {
          TimeUnit.NANOSECONDS.sleep(sleep);
        }
      }
    } catch (IOException e) {
      writeFailed = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** 50 SetPixelFormats, then a ClientCutText of random letters; see {@link #batch(int)}. */
  private static byte[] firstBatch(Random random) {
    byte[] pixelFormat = ClientMessages.setPixelFormat(PixelFormat.INDEXED_8);
    byte[] text = new byte[CUT_TEXT_LENGTH];
    for (int i = 0; i < text.length; i++) {
      text[i] = (byte) ('a' + random.nextInt(26));
    }
    byte[] cutText = ClientMessages.clientCutText(text);
    ByteBuffer batch =
        ByteBuffer.allocate(PIXEL_FORMATS_PER_TICK * pixelFormat.length + cutText.length);
    for (int i = 0; i < PIXEL_FORMATS_PER_TICK; i++) {
      batch.put(pixelFormat);
    }
    return batch.put(cutText).array();
  }

  /**
   * The batch with this viewer's and this tick's number written over the start of the text, so
   * that every ClientCutText changes the clipboard (rewritten in place: {@link #send} is done with
   * the previous batch).
   */
  private byte[] batch(int tick) {
    byte[] stamp =
        String.format("viewer %3d tick %4d ", id, tick).getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(stamp, 0, batch, textOffset, stamp.length);
    return batch;
  }

  /** Writes {@code bytes} in chunks; false when the deadline came first. */
  private boolean send(byte[] bytes, long deadlineNanos) throws IOException, InterruptedException {
    int offset = 0;
    long stalledSince = 0;
    boolean counted = false;
    while (offset < bytes.length || chunk.position() > 0) {
      int n = Math.min(chunk.remaining(), bytes.length - offset);
      chunk.put(bytes, offset, n);
      offset += n;
      chunk.flip();
      int written = channel.write(chunk);
      chunk.compact();
      bytesSent += written;
      if (written > 0) {
        stalledSince = 0;
        counted = false;
        continue;
      }
      long now = System.nanoTime();
      if (now >= deadlineNanos) {
        return false;
      }
      if (stalledSince == 0) {
        stalledSince = now;
      } else if (!counted && now - stalledSince >= BLOCKED_AFTER.toNanos()) {
        blockedWrites++;
        counted = true;
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
    return true;
  }

  long bytesSent() {
    return bytesSent;
  }

  /** Writes that made no progress for {@link #BLOCKED_AFTER} or longer. */
  int blockedWrites() {
    return blockedWrites;
  }

  /**
   * Whether the server has closed this connection: a write failed, or a non-blocking read (of at
   * most {@link #MAX_DRAIN}, at the end of the load only) finds the end of the stream or a reset.
   */
  boolean closedByServer() {
    if (writeFailed) {
      return true;
    }
    try {
      for (long read = 0; read < MAX_DRAIN; ) {
        int n = channel.read(chunk.clear());
        if (n < 0) {
          return true;
        }
        if (n == 0) {
          return false;
        }
        read += n;
      }
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
