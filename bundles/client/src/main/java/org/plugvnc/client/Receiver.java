package org.plugvnc.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.plugvnc.client.decode.Framebuffer;
import org.plugvnc.client.protocol.RfbInput;
import org.plugvnc.client.protocol.ServerMessageReader;

/**
 * The reading side of an {@link RfbClient}: waits for a message to start under a caller's
 * deadline, reads it under the read timeout, applies it, counts it and tells the listeners.
 * Waiting and reading are kept apart so that a deadline can only expire between messages and
 * never leaves the stream out of step.
 */
final class Receiver {

  private enum Wait { DATA, END, TIMEOUT }

  private final Link link;
  private final RfbInput in;
  private final int readTimeoutMillis;
  private final Framebuffer framebuffer;
  private final ServerMessageReader reader;
  private final List<RfbListener> listeners;
  private long updateCount;
  private int bellCount;
  private String lastServerCutText;

  Receiver(Link link, RfbInput in, int readTimeoutMillis, Framebuffer framebuffer,
      ServerMessageReader reader, List<RfbListener> listeners) {
    this.link = link;
    this.in = in;
    this.readTimeoutMillis = readTimeoutMillis;
    this.framebuffer = framebuffer;
    this.reader = reader;
    this.listeners = new CopyOnWriteArrayList<>(listeners);
  }

  Optional<ServerMessage> poll(Duration timeout) throws IOException {
    switch (waitForData(timeout)) {
      case END:
        throw new EOFException("the server closed the connection");
      case TIMEOUT:
        return Optional.empty();
      default:
        return Optional.of(readMessage());
    }
  }

  <T extends ServerMessage> T await(Class<T> type, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      Optional<ServerMessage> m = left.isNegative() ? Optional.empty() : poll(left);
      if (m.isEmpty()) {
        throw new RfbTimeoutException("no " + type.getSimpleName() + " within " + timeout);
      }
      if (type.isInstance(m.get())) {
        return type.cast(m.get());
      }
    }
  }

  boolean awaitClose(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        Wait w = left.isNegative() ? Wait.TIMEOUT : waitForData(left);
        if (w != Wait.DATA) {
          return w == Wait.END;
        }
        readMessage();
      }
    } catch (EOFException | SocketException closed) {
      // a reset or a close in the middle of a message is still the server closing
      return true;
    }
  }

  private Wait waitForData(Duration timeout) throws IOException {
    link.readTimeout(Math.max(1, RfbClient.millis(timeout)));
    try {
      return in.awaitData() ? Wait.DATA : Wait.END;
    } catch (SocketTimeoutException e) {
      return Wait.TIMEOUT;
    } finally {
      if (!link.isClosed()) {
        link.readTimeout(readTimeoutMillis);
      }
    }
  }

  private ServerMessage readMessage() throws IOException {
    ServerMessage m = reader.read(in, framebuffer);
    if (m instanceof FramebufferUpdate) {
      updateCount++;
    } else if (m instanceof Bell) {
      bellCount++;
    } else if (m instanceof ServerCutText) {
      lastServerCutText = ((ServerCutText) m).text();
    }
    for (RfbListener l : listeners) {
      l.onMessage(m);
    }
    return m;
  }

  void addListener(RfbListener listener) {
    listeners.add(listener);
  }

  long updateCount() {
    return updateCount;
  }

  int bellCount() {
    return bellCount;
  }

  String lastServerCutText() {
    return lastServerCutText;
  }
}
