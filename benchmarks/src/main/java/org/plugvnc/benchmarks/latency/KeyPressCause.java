package org.plugvnc.benchmarks.latency;

import java.io.IOException;
import org.plugvnc.client.RfbClient;

/**
 * The viewer presses a key: the virtual desktop's test pattern paints a 16 x 16 block at the top
 * left in the colour {@code keysym & 0xFFFFFF} (TestPatternScene), so the keysym is the colour.
 */
final class KeyPressCause implements Cause {

  /** The block the test pattern paints on a key press. */
  private static final int BLOCK = 16;

  private final RfbClient client;

  KeyPressCause(RfbClient client) {
    this.client = client;
  }

  @Override
  public String describe() {
    return "viewer key press (16x16 block)";
  }

  @Override
  public Running start(int rgb) throws IOException {
    client.typeKey(rgb);
    long sent = System.nanoTime();
    return () -> sent;
  }

  @Override
  public int[] area(int screenWidth, int screenHeight) {
    return new int[] {0, 0, BLOCK, BLOCK};
  }
}
