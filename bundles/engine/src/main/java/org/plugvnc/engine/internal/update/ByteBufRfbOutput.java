package org.plugvnc.engine.internal.update;

import io.netty.buffer.ByteBuf;
import org.plugvnc.api.encoding.RfbOutput;

/** An {@link RfbOutput} appending to a Netty buffer; positions count from its creation. */
public final class ByteBufRfbOutput implements RfbOutput {

  private final ByteBuf buf;
  private final int base;

  /** Appends to {@code buf} from its current writer index. */
  public ByteBufRfbOutput(ByteBuf buf) {
    this.buf = buf;
    this.base = buf.writerIndex();
  }

  @Override
  public void writeU8(int v) {
    buf.writeByte(v);
  }

  @Override
  public void writeU16(int v) {
    buf.writeShort(v);
  }

  @Override
  public void writeU32(int v) {
    buf.writeInt(v);
  }

  @Override
  public void writeBytes(byte[] b, int off, int len) {
    buf.writeBytes(b, off, len);
  }

  @Override
  public int position() {
    return buf.writerIndex() - base;
  }

  @Override
  public void setU32(int position, int v) {
    if (position < 0 || position + 4 > position()) {
      throw new IndexOutOfBoundsException("position " + position + " of " + position());
    }
    buf.setInt(base + position, v);
  }
}
