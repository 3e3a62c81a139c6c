package org.plugvnc.client.decode;

import java.io.IOException;
import org.plugvnc.client.protocol.RfbInput;

/**
 * Tight's compact length (rfbproto "Tight Encoding"): "compactly represented in one, two or three
 * bytes [...] 0xxxxxxx for values 0..127, 1xxxxxxx 0yyyyyyy for values 128..16383, 1xxxxxxx
 * 1yyyyyyy zzzzzzzz for values 16384..4194303 [...] xxxxxxx are the least significant 7 bits of
 * the value (bits 0-6), yyyyyyy are bits 7-13, and zzzzzzzz are the most significant 8 bits (bits
 * 14-21)." A longer form than needed (e.g. 80 00 for 0) is accepted: the spec only says which
 * form covers which values.
 */
final class CompactLength {

  private CompactLength() {
  }

  /** @return the next compact length, 0 to 4194303 */
  static int read(RfbInput in) throws IOException {
    int b = in.readU8();
    int length = b & 0x7F;
    if ((b & 0x80) != 0) {
      b = in.readU8();
      length |= (b & 0x7F) << 7;
      if ((b & 0x80) != 0) {
        length |= in.readU8() << 14;
      }
    }
    return length;
  }
}
