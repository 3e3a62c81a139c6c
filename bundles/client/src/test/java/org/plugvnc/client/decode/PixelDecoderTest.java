package org.plugvnc.client.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.plugvnc.client.PixelFormat;
import org.plugvnc.client.RfbProtocolException;

class PixelDecoderTest {

  @Test
  void scalesEveryChannelValueAsRoundedFraction() throws RfbProtocolException {
    for (int max : new int[] {1, 3, 7, 31, 63, 255, 1023, 65535}) {
      PixelFormat f = new PixelFormat(32, 32, false, true, max, 0, 0, 0, 0, 0);
      PixelDecoder d = PixelDecoder.of(f, new ColourMap());
      for (int v = 0; v <= max; v += Math.max(1, max / 97)) {
        assertEquals(Math.round(v * 255.0 / max), d.rgb(v) >>> 16, "max " + max + " v " + v);
      }
    }
  }

  @Test
  void zeroMaximumGivesZero() throws RfbProtocolException {
    PixelDecoder d = PixelDecoder.of(new PixelFormat(8, 8, false, true, 0, 0, 255, 0, 0, 0),
        new ColourMap());
    assertEquals(0x0000FF, d.rgb(0xFF));
  }

  @Test
  void colourMapValuesAreLookedUpLive() throws RfbProtocolException {
    ColourMap map = new ColourMap();
    PixelDecoder d = PixelDecoder.of(new PixelFormat(16, 16, true, false, 0, 0, 0, 0, 0, 0), map);
    assertEquals(0, d.rgb(300));
    map.set(300, 0xABCDEF);
    assertEquals(0xABCDEF, d.rgb(d.value(new byte[] {0x01, 0x2C}, 0)));
  }

  @Test
  void refusesUndecodableFormats() {
    assertThrows(RfbProtocolException.class,
        () -> PixelDecoder.of(new PixelFormat(24, 24, false, true, 255, 255, 255, 16, 8, 0), new ColourMap()));
    assertThrows(RfbProtocolException.class,
        () -> PixelDecoder.of(new PixelFormat(32, 24, false, true, 255, 255, 255, 40, 8, 0), new ColourMap()));
  }

  @Test
  void setPixelFormatEmptiesTheColourMap() throws RfbProtocolException {
    Framebuffer fb = new Framebuffer(1, 1, PixelFormat.INDEXED_8, org.plugvnc.client.Limits.DEFAULT);
    fb.colourMap().set(1, 0x123456);
    fb.setPixelFormat(PixelFormat.INDEXED_8);
    assertEquals(0, fb.colourMap().get(1));
  }
}
