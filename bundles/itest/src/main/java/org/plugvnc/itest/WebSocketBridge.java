package org.plugvnc.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The JDK's own WebSocket client ({@link java.net.http.WebSocket}, written independently of
 * Netty) carrying a TCP connection: the project's RFB client connects to a local port, and every
 * byte it writes goes to the server in binary frames, every binary frame's payload comes back to
 * it. With {@code endless}, no frame ever has FIN set: the whole session is one message of
 * fragments that never ends, which a server that aggregates messages could never deliver.
 */
final class WebSocketBridge implements AutoCloseable {

  private final ServerSocket local;
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private volatile WebSocket ws;
  private volatile Socket socket;

  private WebSocketBridge(ServerSocket local) {
    this.local = local;
  }

  /** Listens locally; the first connection to {@link #port()} is carried to {@code uri}. */
  static WebSocketBridge open(URI uri, SSLContext tls, boolean endless) throws IOException {
    WebSocketBridge b = new WebSocketBridge(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
    Thread t = new Thread(() -> b.run(uri, tls, endless), "websocket-bridge");
    t.setDaemon(true);
    t.start();
    return b;
  }

  int port() {
    return local.getLocalPort();
  }

  /** The close code the server sent, once it closed. */
  CompletableFuture<Integer> closeCode() {
    return closeCode;
  }

  private void run(URI uri, SSLContext tls, boolean endless) {
    try (Socket s = local.accept()) {
      socket = s;
      HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
      if (tls != null) {
        http.sslContext(tls);
      }
      OutputStream toViewer = s.getOutputStream();
      ws = http.build().newWebSocketBuilder().subprotocols("binary")
          .buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
              try {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                toViewer.write(bytes);
                toViewer.flush();
              } catch (IOException e) {
                w.abort();
              }
              w.request(1);
              return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
              closeCode.complete(statusCode);
              closeQuietly();
              return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
              closeCode.completeExceptionally(error);
              closeQuietly();
            }
          }).get(10, TimeUnit.SECONDS);
      InputStream fromViewer = s.getInputStream();
      byte[] buffer = new byte[65536];
      int n;
      while ((n = fromViewer.read(buffer)) > 0) {
        ws.sendBinary(ByteBuffer.wrap(buffer.clone(), 0, n), !endless).get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      closeCode.completeExceptionally(e);
    }
  }

  private void closeQuietly() {
    try {
      Socket s = socket;
      if (s != null) {
        s.close();
      }
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    WebSocket w = ws;
    if (w != null) {
      w.abort();
    }
    closeQuietly();
    local.close();
  }
}
