package org.plugvnc.client.decode;

import org.plugvnc.client.Rectangle;
import org.plugvnc.client.RfbProtocolException;

/** Byte counts derived from rectangle sizes, checked to fit a Java array. */
final class Sizes {

  /** Largest array length every JVM allocates. */
  static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private Sizes() {
  }

  /**
   * @param bytes a byte count computed from {@code rect}
   * @return it as an int
   * @throws RfbProtocolException if it cannot be held in one array
   */
  static int arrayLength(long bytes, Rectangle rect) throws RfbProtocolException {
    if (bytes > MAX_ARRAY) {
      throw new RfbProtocolException(rect + " needs " + bytes + " bytes, more than one array"
          + " can hold");
    }
    return (int) bytes;
  }
}
