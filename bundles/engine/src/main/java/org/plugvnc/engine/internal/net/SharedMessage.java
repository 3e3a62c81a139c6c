package org.plugvnc.engine.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import org.plugvnc.engine.internal.protocol.ServerMessageWriter;

/**
 * One message encoded once for every session that sends it: clipboard text goes to every viewer,
 * and a megabyte of it copied per viewer would make a hundred viewers cost a hundred megabytes.
 * Each {@link #share()} holds a reference to the same direct buffer, released when the copy is sent
 * or superseded; the buffer is freed when the last one is. Thread-safe.
 */
public final class SharedMessage implements AutoCloseable {

  private final ByteBuf content;

  private SharedMessage(ByteBuf content) {
    this.content = content;
  }

  /** ServerCutText with {@code text} as ISO 8859-1 (unmappable characters become '?'). */
  public static SharedMessage serverCutText(String text) {
    byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuf buf = ByteBufAllocator.DEFAULT.directBuffer(8 + latin1.length);
    ServerMessageWriter.serverCutText(buf, latin1);
    return new SharedMessage(buf);
  }

  /** A message for one session's {@link Outbox}, holding its own reference. */
  Outbox.Message share() {
    content.retain();
    return new Outbox.Message() {
      @Override
      public ByteBuf encode(ByteBufAllocator alloc) {
        return content.duplicate(); // carries this share's reference to the socket
      }

      @Override
      public void discard() {
        content.release();
      }
    };
  }

  /** Releases the creator's reference; shares already handed out stay valid. */
  @Override
  public void close() {
    content.release();
  }
}
