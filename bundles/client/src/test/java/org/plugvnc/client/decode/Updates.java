package org.plugvnc.client.decode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.plugvnc.client.Limits;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.ServerMessage;
import org.plugvnc.client.TestBytes;
import org.plugvnc.client.protocol.RfbInput;
import org.plugvnc.client.protocol.ServerMessageReader;

/**
 * One connection's client framebuffer plus a message reader with the standard decoders (so zlib
 * streams continue from one {@link #apply} to the next), fed literal bytes.
 */
final class Updates {

  final Framebuffer fb;
  final ServerMessageReader reader;
  private final Map<String, Zlib> serverStreams = new HashMap<>();
  private long lastConsumed;

  Updates(int width, int height, PixelFormat format) throws IOException {
    this(width, height, format, Limits.DEFAULT);
  }

  Updates(int width, int height, PixelFormat format, Limits limits) throws IOException {
    fb = new Framebuffer(width, height, format, limits);
    reader = new ServerMessageReader(DecoderRegistry.standard(), limits);
  }

  /** @return the server side's deflate stream of this name ("ZRLE", "Tight 2", ...) */
  Zlib server(String stream) {
    return serverStreams.computeIfAbsent(stream, k -> new Zlib());
  }

  /** Records a SetEncodings list, as {@code RfbClient.setEncodings} does. */
  Updates listed(int... encodings) {
    fb.listedEncodings().add(encodings);
    return this;
  }

  /** Reads one message from {@code bytes}, which must hold exactly that message. */
  ServerMessage apply(TestBytes bytes) throws IOException {
    byte[] b = bytes.array();
    ServerMessage m = applyPrefix(bytes);
    if (lastConsumed != b.length) {
      throw new AssertionError("consumed " + lastConsumed + " of " + b.length + " bytes");
    }
    return m;
  }

  /** Reads one message from the start of {@code bytes}; see {@link #consumed()}. */
  ServerMessage applyPrefix(TestBytes bytes) throws IOException {
    RfbInput in = new RfbInput(new ByteArrayInputStream(bytes.array()));
    try {
      return reader.read(in, fb);
    } finally {
      lastConsumed = in.bytesRead();
    }
  }

  /** @return bytes the last apply consumed, also when it failed */
  long consumed() {
    return lastConsumed;
  }

  /** @return the framebuffer row {@code y} as 0x00RRGGBB */
  int[] row(int y) {
    int[] r = new int[fb.width()];
    System.arraycopy(fb.buffer(), y * fb.width(), r, 0, r.length);
    return r;
  }

  /** @return FramebufferUpdate header for one rectangle */
  static TestBytes oneRect(int x, int y, int w, int h, int encoding) {
    return TestBytes.bytes().u8(0, 0).u16(1).u16(x, y, w, h).u32(encoding & 0xFFFFFFFFL);
  }
}
