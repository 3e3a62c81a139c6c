package org.plugvnc.testsupport;

import java.io.ByteArrayOutputStream;
import org.plugvnc.api.encoding.RfbOutput;

/** An {@link RfbOutput} written from the interface's contract alone: big-endian, appends. */
public final class CapturingOutput implements RfbOutput {

  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  @Override
  public void writeU8(int v) {
    pending.write(v & 0xFF);
  }

  @Override
  public void writeU16(int v) {
    writeU8(v >>> 8);
    writeU8(v);
  }

  @Override
  public void writeU32(int v) {
    writeU16(v >>> 16);
    writeU16(v);
  }

  @Override
  public void writeBytes(byte[] b, int off, int len) {
    pending.write(b, off, len);
  }

  @Override
  public int position() {
    return pending.size();
  }

  @Override
  public void setU32(int position, int v) {
    byte[] all = bytes();
    if (position < 0 || position + 4 > all.length) {
      throw new IndexOutOfBoundsException(position);
    }
    all[position] = (byte) (v >>> 24);
    all[position + 1] = (byte) (v >>> 16);
    all[position + 2] = (byte) (v >>> 8);
    all[position + 3] = (byte) v;
    pending.reset();
    pending.write(all, 0, all.length);
  }

  /** Everything written so far. */
  public byte[] bytes() {
    return pending.toByteArray();
  }
}
