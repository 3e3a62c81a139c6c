package org.plugvnc.engine.internal.net;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.plugvnc.api.transport.SharedPortProtocol;
import org.plugvnc.engine.internal.desktop.DesktopHub;

/**
 * The engine's listeners and its door for other transports, over real sockets: several bind
 * addresses (IPv4 and IPv6 loopback), a protocol sharing the RFB port, a transport's own channel
 * served, a transport's listener under the connection limit.
 */
@Timeout(30)
class NettyTransportTest {

  private static final byte[] GREETING = "RFB 003.008\n".getBytes(US_ASCII);
  private static final long WAIT_MILLIS = 300;

  private final List<SharedPortProtocol> sharing = new CopyOnWriteArrayList<>();
  private final DesktopHub desktop = new DesktopHub();
  private final ExecutorService workers = Executors.newSingleThreadExecutor();
  private int maxConnections;
  private final NettyTransport transport = new NettyTransport(() -> maxConnections, () -> sharing);
  private final ServerContext server = server(WAIT_MILLIS);

  private ServerContext server(long waitMillis) {
    ServerSettings settings = new ServerSettings(List.of(2), SharePolicy.SHARED, "transport",
        1 << 20, 10_000, 1 << 20, 1 << 24, 0, waitMillis);
    SessionRegistry sessions = new SessionRegistry();
    return new TestServer(settings, Map.of(), Map.of(), desktop, sessions, null,
        new AuthFailureThrottle(() -> 0L), new PreAuthLimits(), new InputBudget(() -> 1 << 30),
        new OutputBudget(sessions, () -> 1 << 30), workers, new SessionEvents());
  }

  @AfterEach
  void close() {
    transport.close();
    desktop.close();
    workers.shutdownNow();
  }

  @Test
  void everyAddressIsBoundAndGreetsOverIpv4AndIpv6() throws Exception {
    List<InetSocketAddress> bound = transport.bind("default", List.of(
        new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("::1", 0)), server);
    assertEquals(2, bound.size(), "bound: " + bound);
    assertTrue(bound.get(1).getAddress() instanceof Inet6Address, "second: " + bound.get(1));
    for (InetSocketAddress a : bound) {
      try (Socket s = connect(a)) {
        assertArrayEquals(GREETING, read(s, GREETING.length), "greeting at " + a);
      }
    }
  }

  @Test
  void anAddressThatCannotBeBoundIsLeftOutWhileAnotherIs() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      InetSocketAddress busy = new InetSocketAddress("127.0.0.1", taken.getLocalPort());
      List<InetSocketAddress> bound = transport.bind("default",
          List.of(busy, new InetSocketAddress("::1", 0)), server);
      assertEquals(1, bound.size(), "bound: " + bound);
      assertThrows(RuntimeException.class,
          () -> transport.bind("other", List.of(busy), server), "no address could be bound");
    }
  }

  @Test
  void aRebindKeepsAnAddressInBothAndClosesADroppedOne() throws Exception {
    List<InetSocketAddress> first = transport.bind("default", List.of(
        new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("::1", 0)), server);
    InetSocketAddress v4 = first.get(0);
    List<InetSocketAddress> second = transport.bind("default",
        List.of(new InetSocketAddress("127.0.0.1", 0)), server);
    assertEquals(List.of(v4), second, "the listener of the address in both stays, port and all");
    try (Socket s = connect(v4)) {
      assertArrayEquals(GREETING, read(s, GREETING.length));
    }
    assertThrows(IOException.class, () -> connect(first.get(1)).close(), "::1 was closed");
  }

  @Test
  void aClientThatSpeaksFirstIsHandedToTheProtocolThatRecognizesIt() throws Exception {
    sharing.add(new Http());
    InetSocketAddress a = bindOne();
    try (Socket s = connect(a)) {
      s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(US_ASCII));
      String answer = new String(s.getInputStream().readAllBytes(), US_ASCII);
      assertEquals("HTTP/1.1 200 OK\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n", answer,
          "the protocol got the connection and every byte sent before the decision");
    }
  }

  @Test
  void aClientThatWaitsIsGreetedAsRfbAfterTheWait() throws Exception {
    sharing.add(new Http());
    InetSocketAddress a = bindOne();
    try (Socket s = connect(a)) {
      long start = System.nanoTime();
      byte[] greeting = read(s, GREETING.length);
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;
      assertArrayEquals(GREETING, greeting);
      assertTrue(waitedMillis >= WAIT_MILLIS - 50, "greeted after " + waitedMillis + " ms");
      s.getOutputStream().write(GREETING);
      assertRfbAnswer(s);
    }
  }

  @Test
  void aClientThatSpeaksSomethingElseFirstIsServedAsRfbWithWhatItSent() throws Exception {
    sharing.add(new Http());
    InetSocketAddress a = bindOne();
    try (Socket s = connect(a)) {
      s.getOutputStream().write(GREETING); // a viewer that sends its version unasked
      long start = System.nanoTime();
      assertArrayEquals(GREETING, read(s, GREETING.length));
      assertTrue((System.nanoTime() - start) / 1_000_000 < WAIT_MILLIS,
          "not recognized: greeted at once, without waiting");
      assertRfbAnswer(s);
    }
  }

  @Test
  void withoutAProtocolSharingThePortTheGreetingIsImmediate() throws Exception {
    InetSocketAddress a = bindOne();
    try (Socket s = connect(a)) {
      long start = System.nanoTime();
      assertArrayEquals(GREETING, read(s, GREETING.length));
      assertTrue((System.nanoTime() - start) / 1_000_000 < WAIT_MILLIS, "no wait");
    }
  }

  @Test
  void aTransportsOwnConnectionIsServedAndItsListenerCountsTowardTheLimit() throws Exception {
    maxConnections = 1;
    ServerChannel listener = (ServerChannel) new ServerBootstrap()
        .group(transport.ioThreads())
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.RCVBUF_ALLOCATOR,
            new io.netty.channel.AdaptiveRecvByteBufAllocator().maxMessagesPerRead(1))
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
              @Override
              public void channelActive(ChannelHandlerContext ctx) {
                transport.serve(ctx.channel(), server, "test");
                ctx.fireChannelActive();
              }
            });
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    transport.guard(listener);
    Thread.sleep(100); // guard runs on the listener's loop
    InetSocketAddress a = (InetSocketAddress) listener.localAddress();
    try (Socket first = connect(a)) {
      assertArrayEquals(GREETING, read(first, GREETING.length), "served as RFB");
      try (Socket second = connect(a)) { // the kernel completes it; nobody accepts it yet
        second.setSoTimeout(500);
        assertThrows(SocketTimeoutException.class, () -> second.getInputStream().read(),
            "at maxConnections the transport's listener does not accept");
        first.close();
        second.setSoTimeout(5000);
        assertArrayEquals(GREETING, read(second, GREETING.length), "accepted once one closed");
      }
    }
  }

  /**
   * The viewer's version was read: the security-types message follows (no type is registered in
   * these tests, so it is the failure form: a zero count and the reason).
   */
  private static void assertRfbAnswer(Socket s) throws IOException {
    assertEquals(0, read(s, 1)[0], "security types: none registered");
    byte[] length = read(s, 4);
    int n = java.nio.ByteBuffer.wrap(length).getInt();
    assertTrue(n > 0 && n < 1000, "a reason follows: " + n + " bytes");
  }

  private InetSocketAddress bindOne() throws InterruptedException {
    return transport.bind("default", List.of(new InetSocketAddress("127.0.0.1", 0)), server)
        .get(0);
  }

  private static Socket connect(InetSocketAddress a) throws IOException {
    Socket s = new Socket();
    s.connect(a, 2000);
    s.setSoTimeout(5000);
    return s;
  }

  private static byte[] read(Socket s, int n) throws IOException {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    while (got.size() < n) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      got.write(b);
    }
    return got.toByteArray();
  }

  /** Recognizes "GET "; answers with a status line and echoes what it got, then closes. */
  private static final class Http implements SharedPortProtocol {
    @Override
    public Recognition recognize(ByteBuf first) {
      byte[] get = "GET ".getBytes(US_ASCII);
      for (int i = 0; i < Math.min(first.readableBytes(), get.length); i++) {
        if (first.getByte(first.readerIndex() + i) != get[i]) {
          return Recognition.NO;
        }
      }
      return first.readableBytes() >= get.length ? Recognition.YES : Recognition.MORE;
    }

    @Override
    public void takeOver(Channel channel, ByteBuf received, String desktopId) {
      ByteBuf answer = Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\n\r\n", US_ASCII);
      channel.write(answer);
      channel.writeAndFlush(received).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
