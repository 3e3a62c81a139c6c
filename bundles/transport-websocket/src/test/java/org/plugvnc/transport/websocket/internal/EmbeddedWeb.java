package org.plugvnc.transport.websocket.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.plugvnc.api.transport.RfbAcceptor;
import org.plugvnc.api.web.WebContent;
import org.plugvnc.api.web.WebResource;

/**
 * The transport's pipeline on an {@link EmbeddedChannel}, with an engine stand-in that records
 * what reaches it (the real engine is in the in-framework tests) and a small web content.
 */
final class EmbeddedWeb implements WebServices {

  static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05Z");
  static final byte[] PAGE = "<!DOCTYPE html><title>test</title>".getBytes(StandardCharsets.UTF_8);

  final List<String> served = new ArrayList<>();
  final ByteArrayOutputStream engineReceived = new ByteArrayOutputStream();
  final List<Integer> engineChunks = new ArrayList<>();
  List<WebContent> content = List.of(path -> Optional.ofNullable(Map.of(
      "", WebResource.of("text/html; charset=utf-8", PAGE, MODIFIED),
      "app/ui.js", WebResource.of("text/javascript; charset=utf-8", "export {};".getBytes(StandardCharsets.UTF_8),
          MODIFIED)).get(path)));
  WebTls tls;
  final HttpPeers httpPeers = new HttpPeers(100);

  @Override
  public HttpPeers httpPeers() {
    return httpPeers;
  }

  static WebSettings settings(String... allowedOrigins) {
    return new WebSettings(List.of("127.0.0.1"), 5800, "default", "/websockify", 4096, 10_000, 30_000,
        OriginPolicy.of(allowedOrigins, s -> { }), TlsMode.AUTO, "'none'");
  }

  EmbeddedChannel channel(WebSettings settings) {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.freezeTime();
    WebPipeline.init(ch, settings, this);
    return ch;
  }

  @Override
  public RfbAcceptor acceptor() {
    return new RfbAcceptor() {
      @Override
      public EventLoopGroup ioThreads() {
        throw new UnsupportedOperationException();
      }

      @Override
      public void guard(ServerChannel listener) {}

      @Override
      public boolean serve(Channel channel, String desktopId, String transport) {
        served.add(desktopId + "/" + transport);
        channel.pipeline().addLast("engine", new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf b = (ByteBuf) msg; // anything else reaching the engine fails the test
            engineChunks.add(b.readableBytes());
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            engineReceived.writeBytes(bytes);
            b.release();
          }
        });
        return true;
      }

      @Override
      public Set<String> desktops() {
        return Set.of("default", "d2");
      }
    };
  }

  @Override
  public WebTls tls() {
    return tls;
  }

  @Override
  public List<WebContent> content() {
    return content;
  }

  /** Writes {@code text} (ISO-8859-1) into the channel. */
  static void send(EmbeddedChannel ch, String text) {
    ch.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
  }

  /** Everything the server wrote so far, as ISO-8859-1 text. */
  static String written(EmbeddedChannel ch) {
    return new String(writtenBytes(ch), StandardCharsets.ISO_8859_1);
  }

  static byte[] writtenBytes(EmbeddedChannel ch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Object o;
    while ((o = ch.readOutbound()) != null) {
      ByteBuf b = (ByteBuf) o;
      byte[] bytes = new byte[b.readableBytes()];
      b.readBytes(bytes);
      out.writeBytes(bytes);
      b.release();
    }
    return out.toByteArray();
  }

  /** A client frame: FIN as given, the opcode, masked with a fixed key unless {@code masked} is false. */
  static ByteBuf frame(boolean fin, int opcode, byte[] payload, boolean masked) {
    ByteBuf b = Unpooled.buffer();
    b.writeByte((fin ? 0x80 : 0) | opcode);
    int maskBit = masked ? 0x80 : 0;
    if (payload.length < 126) {
      b.writeByte(maskBit | payload.length);
    } else if (payload.length < 65536) {
      b.writeByte(maskBit | 126).writeShort(payload.length);
    } else {
      b.writeByte(maskBit | 127).writeLong(payload.length);
    }
    byte[] key = {0x11, 0x22, 0x33, 0x44};
    if (masked) {
      b.writeBytes(key);
    }
    for (int i = 0; i < payload.length; i++) {
      b.writeByte(masked ? payload[i] ^ key[i % 4] : payload[i]);
    }
    return b;
  }
}
