package org.plugvnc.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.plugvnc.api.clipboard.Clipboard;
import org.plugvnc.api.encoding.EncoderFactory;
import org.plugvnc.api.security.SecurityTypeFactory;
import org.plugvnc.api.transport.SharedPortProtocol;
import org.plugvnc.engine.internal.desktop.DesktopHub;
import org.plugvnc.engine.internal.net.AuthFailureThrottle;
import org.plugvnc.engine.internal.net.InputBudget;
import org.plugvnc.engine.internal.net.NettyTransport;
import org.plugvnc.engine.internal.net.OutputBudget;
import org.plugvnc.engine.internal.net.PreAuthLimits;
import org.plugvnc.engine.internal.net.ServerContext;
import org.plugvnc.engine.internal.net.ServerSettings;
import org.plugvnc.engine.internal.net.SessionEvents;
import org.plugvnc.engine.internal.net.SessionRegistry;
import org.plugvnc.engine.internal.net.SharePolicy;

/**
 * What sharing the RFB port with the WebSocket transport costs a native viewer: the time from
 * connecting to having the server's greeting (the first thing an RFB viewer waits for; the rest of
 * its handshake is untouched), on the engine's real listener over loopback. {@code sharing=off}
 * is the reference (TCP connect and one answer); with a protocol sharing the port, the server
 * listens for {@code waitMillis} before it greets a viewer that stays silent, as every RFB viewer
 * does. {@code browser} is a client that speaks first (an HTTP request) on the shared port: how
 * long until it is handed over, answered by the test protocol.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class SharedPortConnectBenchmark {

  private static final byte[] REQUEST =
      "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** off: no protocol shares the port; the others: the wait, in milliseconds. */
  @Param({"off", "20", "100"})
  public String sharing;

  private NettyTransport transport;
  private DesktopHub desktop;
  private ExecutorService workers;
  private InetSocketAddress address;

  @Setup(Level.Trial)
  public void start() throws InterruptedException {
    boolean on = !"off".equals(sharing);
    long wait = on ? Long.parseLong(sharing) : 0;
    List<SharedPortProtocol> protocols = on ? List.of(new Answering()) : List.of();
    transport = new NettyTransport(() -> 0, () -> protocols);
    desktop = new DesktopHub();
    workers = Executors.newSingleThreadExecutor();
    address = transport.bind("default", List.of(new InetSocketAddress("127.0.0.1", 0)),
        new Context(wait, desktop, workers)).get(0);
  }

  @TearDown(Level.Trial)
  public void stop() {
    transport.close();
    desktop.close();
    workers.shutdownNow();
  }

  /** A native viewer: connect, read the 12-byte greeting, close. */
  @Benchmark
  public int nativeViewerGreeting() throws IOException {
    try (Socket s = new Socket()) {
      s.setTcpNoDelay(true);
      s.setSoLinger(true, 0); // no TIME_WAIT: thousands of connections a second
      s.connect(address, 5000);
      s.setSoTimeout(5000);
      return readFully(s.getInputStream(), 12);
    }
  }

  /** A browser on the shared port: connect, send its request, read the protocol's answer. */
  @Benchmark
  public int browserHandedOver() throws IOException {
    try (Socket s = new Socket()) {
      s.setTcpNoDelay(true);
      s.setSoLinger(true, 0); // no TIME_WAIT: thousands of connections a second
      s.connect(address, 5000);
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(REQUEST);
      out.flush();
      return readFully(s.getInputStream(), 12); // "HTTP/1.1 200" or, with no sharing, the greeting
    }
  }

  private static int readFully(InputStream in, int n) throws IOException {
    int got = 0;
    while (got < n) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after " + got + " bytes");
      }
      got++;
    }
    return got;
  }

  /** Recognizes an HTTP GET and answers it. */
  private static final class Answering implements SharedPortProtocol {
    @Override
    public Recognition recognize(ByteBuf first) {
      if (first.readableBytes() < 4) {
        return Recognition.MORE;
      }
      return first.getByte(first.readerIndex()) == 'G' ? Recognition.YES : Recognition.NO;
    }

    @Override
    public void takeOver(Channel channel, ByteBuf received, String desktopId) {
      received.release();
      channel.writeAndFlush(channel.alloc().buffer().writeBytes(
          "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    }
  }

  /** What the listener's connections share: no security type, the default limits. */
  private record Context(long waitMillis, DesktopHub desktop, ExecutorService workers,
      SessionRegistry sessions, ServerSettings settings) implements ServerContext {

    Context(long waitMillis, DesktopHub desktop, ExecutorService workers) {
      this(waitMillis, desktop, workers, new SessionRegistry(), new ServerSettings(List.of(2),
          SharePolicy.SHARED, "bench", 1 << 20, 10_000, 1 << 20, 1 << 26, 0, waitMillis));
    }

    @Override
    public Path passwordFile() {
      return null;
    }

    @Override
    public Map<Integer, SecurityTypeFactory> securityTypes() {
      return Map.of();
    }

    @Override
    public Map<Integer, EncoderFactory> encoders() {
      return Map.of();
    }

    @Override
    public Clipboard clipboard() {
      return null;
    }

    @Override
    public AuthFailureThrottle authFailures() {
      return THROTTLE;
    }

    @Override
    public InputBudget inputBudget() {
      return new InputBudget(() -> 1 << 30);
    }

    @Override
    public OutputBudget outputBudget() {
      return new OutputBudget(sessions, () -> 1 << 30);
    }

    @Override
    public PreAuthLimits preAuthLimits() {
      return LIMITS;
    }

    @Override
    public long nextConnectionId() {
      return 1;
    }

    @Override
    public SessionEvents events() {
      return EVENTS;
    }
  }

  private static final AuthFailureThrottle THROTTLE = new AuthFailureThrottle(System::nanoTime);
  private static final PreAuthLimits LIMITS = new PreAuthLimits();
  private static final SessionEvents EVENTS = new SessionEvents();
}
