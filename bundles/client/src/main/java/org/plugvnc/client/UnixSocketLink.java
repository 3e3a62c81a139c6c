package org.plugvnc.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * A Unix domain socket (JDK 16+) as a {@link Link}. A {@link SocketChannel} of the UNIX family has
 * no socket adapter and so no {@code SO_TIMEOUT}: the channel is non-blocking and each read waits
 * on a selector for at most the read timeout, then throws {@link SocketTimeoutException} having
 * consumed nothing, exactly as a TCP socket's timed-out read. Writes wait as long as it takes, as a
 * blocking socket's do. Reading and writing use separate selectors, so one thread may read while
 * others write.
 */
final class UnixSocketLink implements Link {

  private final SocketChannel channel;
  private final Selector readable;
  private final Selector writable;
  private volatile int timeoutMillis;

  private UnixSocketLink(SocketChannel channel) throws IOException {
    this.channel = channel;
    channel.configureBlocking(false);
    this.readable = Selector.open();
    this.writable = Selector.open();
    channel.register(readable, SelectionKey.OP_READ);
    channel.register(writable, SelectionKey.OP_WRITE);
  }

  /** Connects to the socket at {@code path}; a Unix connect completes or fails at once. */
  static UnixSocketLink connect(Path path) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(path));
      return new UnixSocketLink(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public InputStream input() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return UnixSocketLink.this.read(ByteBuffer.wrap(b, off, len));
      }
    };
  }

  @Override
  public OutputStream output() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        UnixSocketLink.this.write(ByteBuffer.wrap(b, off, len));
      }
    };
  }

  private int read(ByteBuffer into) throws IOException {
    if (!into.hasRemaining()) {
      return 0;
    }
    synchronized (readable) {
      long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
      while (true) {
        int n = readNow(into);
        if (n != 0) {
          return n;
        }
        long left = timeoutMillis == 0 ? 0 : (deadline - System.nanoTime()) / 1_000_000L;
        if (timeoutMillis != 0 && left <= 0) {
          throw new SocketTimeoutException("Read timed out");
        }
        await(readable, left);
      }
    }
  }

  /** A read that does not wait; a reset is a {@link SocketException}, as a TCP socket's is. */
  private int readNow(ByteBuffer into) throws IOException {
    try {
      return channel.read(into);
    } catch (ClosedChannelException closed) {
      throw closed;
    } catch (IOException e) {
      throw new SocketException(e.getMessage());
    }
  }

  private void write(ByteBuffer from) throws IOException {
    synchronized (writable) {
      while (from.hasRemaining()) {
        if (channel.write(from) == 0) {
          await(writable, 0);
        }
      }
    }
  }

  /** Waits until {@code selector}'s one key is ready, the timeout passed, or the link closed. */
  private void await(Selector selector, long millis) throws IOException {
    try {
      selector.selectedKeys().clear();
      selector.select(millis);
    } catch (ClosedSelectorException closed) {
      throw new ClosedChannelException();
    }
    if (!channel.isOpen()) {
      throw new ClosedChannelException();
    }
  }

  @Override
  public void readTimeout(int millis) {
    timeoutMillis = Math.max(0, millis);
  }

  @Override
  public boolean isClosed() {
    return !channel.isOpen();
  }

  /** Closes the channel and wakes a thread waiting in a read or write, which then fails. */
  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      readable.wakeup();
      writable.wakeup();
      readable.close();
      writable.close();
    }
  }
}
