package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbNumbers;
import org.plugvnc.client.RfbProtocolException;

class ListedEncodingsTest {

  @Test
  void everythingIsAllowedUntilAListIsKnown() {
    ListedEncodings l = new ListedEncodings();
    assertFalse(l.known());
    assertTrue(l.allows(RfbNumbers.ENCODING_ZRLE));
    assertTrue(l.allowsJpeg());
  }

  @Test
  void rawIsAlwaysAllowedAndListsAddUp() {
    ListedEncodings l = new ListedEncodings();
    l.add(RfbNumbers.ENCODING_HEXTILE);
    assertTrue(l.known());
    assertTrue(l.allows(RfbNumbers.ENCODING_RAW));
    assertTrue(l.allows(RfbNumbers.ENCODING_HEXTILE));
    assertFalse(l.allows(RfbNumbers.ENCODING_ZRLE));
    // an update in flight may still answer the old list: the union counts
    l.add(RfbNumbers.ENCODING_ZRLE);
    assertTrue(l.allows(RfbNumbers.ENCODING_HEXTILE));
    assertTrue(l.allows(RfbNumbers.ENCODING_ZRLE));
  }

  @Test
  void jpegNeedsAQualityOrFineQualityLevel() {
    ListedEncodings l = new ListedEncodings();
    l.add(RfbNumbers.ENCODING_TIGHT, RfbNumbers.ENCODING_COMPRESS_LEVEL_0 + 9);
    assertFalse(l.allowsJpeg());
    l.add(RfbNumbers.ENCODING_QUALITY_LEVEL_0);
    assertTrue(l.allowsJpeg());
    ListedEncodings fine = new ListedEncodings();
    fine.add(RfbNumbers.ENCODING_FINE_QUALITY_LEVEL_0 + 100);
    assertTrue(fine.allowsJpeg());
    ListedEncodings outOfRange = new ListedEncodings();
    outOfRange.add(RfbNumbers.ENCODING_QUALITY_LEVEL_0 + 10, RfbNumbers.ENCODING_FINE_QUALITY_LEVEL_0 - 1);
    assertFalse(outOfRange.allowsJpeg());
  }

  @Test
  void aRectangleInAnUnlistedEncodingIsAProtocolError() throws IOException {
    Updates u = new Updates(1, 1, PixelFormat.BGR233).listed(RfbNumbers.ENCODING_HEXTILE);
    RfbProtocolException e = assertThrows(RfbProtocolException.class,
        () -> u.apply(Updates.oneRect(0, 0, 1, 1, RfbNumbers.ENCODING_RRE).u32(0).u8(7)));
    assertTrue(e.getMessage().contains("RRE"), e.getMessage());
    // Raw needs no listing (RFC 6143 7.7.1)
    u.apply(Updates.oneRect(0, 0, 1, 1, RfbNumbers.ENCODING_RAW).u8(0x38));
    assertEquals(0x00FF00, u.fb.pixel(0, 0));
  }
}
