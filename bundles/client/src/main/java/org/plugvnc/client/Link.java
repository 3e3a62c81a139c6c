package org.plugvnc.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The byte stream under an RFB connection, as the client's reading side needs it: its streams, a
 * read timeout that can be changed between reads (a timed-out read throws {@link
 * java.net.SocketTimeoutException} and consumes nothing), and close. A TCP socket (plain or TLS)
 * or a Unix domain socket.
 */
interface Link extends Closeable {

  InputStream input() throws IOException;

  OutputStream output() throws IOException;

  /** Sets how long a read may wait, in milliseconds (0: forever). */
  void readTimeout(int millis) throws IOException;

  boolean isClosed();

  /** A TCP socket, or the TLS socket layered over one. */
  static Link of(Socket socket) {
    return new Link() {
      @Override
      public InputStream input() throws IOException {
        return socket.getInputStream();
      }

      @Override
      public OutputStream output() throws IOException {
        return socket.getOutputStream();
      }

      @Override
      public void readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
      }

      @Override
      public boolean isClosed() {
        return socket.isClosed();
      }

      @Override
      public void close() throws IOException {
        socket.close();
      }
    };
  }
}
