package org.plugvnc.client.decode;

/**
 * A decoder's reusable array for inflated bytes. It grows as output arrives, never past the bound
 * the caller derives from the rectangle, so a length from the network never sizes an allocation
 * by itself.
 */
final class InflateBuffer {

  private static final int MIN_CAPACITY = 8 * 1024;

  private byte[] bytes = new byte[0];

  /** @return the array; valid up to the length the last inflate returned */
  byte[] bytes() {
    return bytes;
  }

  /**
   * Makes room for at least {@code min} bytes, growing by doubling but never beyond {@code max}.
   *
   * @param min bytes needed, at most {@code max}
   * @param max the caller's bound
   */
  void ensure(int min, int max) {
    if (bytes.length < min) {
      int grown = (int) Math.min(max, Math.max(min, Math.max(MIN_CAPACITY, 2L * bytes.length)));
      byte[] larger = new byte[grown];
      System.arraycopy(bytes, 0, larger, 0, bytes.length);
      bytes = larger;
    }
  }
}
