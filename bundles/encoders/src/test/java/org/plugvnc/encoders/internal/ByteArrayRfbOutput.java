package org.plugvnc.encoders.internal;

import java.io.ByteArrayOutputStream;
import org.plugvnc.api.encoding.RfbOutput;

/** A test {@link RfbOutput} that collects the written bytes, big-endian as RFB wants. */
final class ByteArrayRfbOutput implements RfbOutput {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  @Override
  public void writeU8(int v) {
    bytes.write(v & 0xFF);
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
    bytes.write(b, off, len);
  }

  @Override
  public int position() {
    return bytes.size();
  }

  @Override
  public void setU32(int position, int v) {
    throw new UnsupportedOperationException("not used by the encoders under test");
  }

  byte[] toByteArray() {
    return bytes.toByteArray();
  }
}
