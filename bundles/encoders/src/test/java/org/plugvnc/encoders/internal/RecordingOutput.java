package org.plugvnc.encoders.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.plugvnc.api.encoding.RfbOutput;
import org.plugvnc.testsupport.CapturingOutput;

/**
 * A {@link CapturingOutput} that also records how it was written to: the length of each
 * {@code writeBytes}, the arrays handed over, and how many single numbers were written.
 */
final class RecordingOutput implements RfbOutput {

  final CapturingOutput captured = new CapturingOutput();
  final List<Integer> chunks = new ArrayList<>();
  final Set<byte[]> arrays = new HashSet<>();
  int numbers;

  @Override
  public void writeU8(int v) {
    numbers++;
    captured.writeU8(v);
  }

  @Override
  public void writeU16(int v) {
    numbers++;
    captured.writeU16(v);
  }

  @Override
  public void writeU32(int v) {
    numbers++;
    captured.writeU32(v);
  }

  @Override
  public void writeBytes(byte[] b, int off, int len) {
    chunks.add(len);
    arrays.add(b);
    captured.writeBytes(b, off, len);
  }

  @Override
  public int position() {
    return captured.position();
  }

  @Override
  public void setU32(int position, int v) {
    captured.setU32(position, v);
  }

  /** Everything written so far. */
  byte[] bytes() {
    return captured.bytes();
  }
}
