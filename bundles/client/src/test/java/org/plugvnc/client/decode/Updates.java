package org.plugvnc.client.decode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.plugvnc.client.Limits;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.ServerMessage;
import org.plugvnc.client.TestBytes;
import org.plugvnc.client.protocol.RfbInput;
import org.plugvnc.client.protocol.ServerMessageReader;

/** A client framebuffer plus a message reader with the standard decoders, fed literal bytes. */
final class Updates {

  final Framebuffer fb;
  final ServerMessageReader reader = new ServerMessageReader(DecoderRegistry.standard(), Limits.DEFAULT);

  Updates(int width, int height, PixelFormat format) throws IOException {
    fb = new Framebuffer(width, height, format, Limits.DEFAULT);
  }

  /** Reads one message from {@code bytes}, which must hold exactly that message. */
  ServerMessage apply(TestBytes bytes) throws IOException {
    byte[] b = bytes.array();
    RfbInput in = new RfbInput(new ByteArrayInputStream(b));
    ServerMessage m = reader.read(in, fb);
    if (in.bytesRead() != b.length) {
      throw new AssertionError("consumed " + in.bytesRead() + " of " + b.length + " bytes");
    }
    return m;
  }

  /** @return FramebufferUpdate header for one rectangle */
  static TestBytes oneRect(int x, int y, int w, int h, int encoding) {
    return TestBytes.bytes().u8(0, 0).u16(1).u16(x, y, w, h).u32(encoding & 0xFFFFFFFFL);
  }
}
