package org.plugvnc.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RfbNumbersTest {

  @Test
  void namesOfTheNewNumbers() {
    assertEquals("CoRRE", RfbNumbers.encodingName(4));
    assertEquals("TRLE", RfbNumbers.encodingName(15));
    assertEquals("TightPNG", RfbNumbers.encodingName(-260));
    assertEquals("TightWithoutZlib", RfbNumbers.encodingName(-317));
    assertEquals("FineQualityLevel0", RfbNumbers.encodingName(-512));
    assertEquals("FineQualityLevel100", RfbNumbers.encodingName(-412));
    assertEquals("Subsamp1X", RfbNumbers.encodingName(-768));
    assertEquals("Subsamp4X", RfbNumbers.encodingName(-767));
    assertEquals("Subsamp2X", RfbNumbers.encodingName(-766));
    assertEquals("SubsampGray", RfbNumbers.encodingName(-765));
    assertEquals("Subsamp16X", RfbNumbers.encodingName(-763));
    assertEquals("encoding(-411)", RfbNumbers.encodingName(-411));
  }

  @Test
  void encodingNumbersFromNamesOrDigits() {
    assertEquals(7, RfbNumbers.encodingNumber("tight"));
    assertEquals(-26, RfbNumbers.encodingNumber("QualityLevel6"));
    assertEquals(-254, RfbNumbers.encodingNumber("compresslevel2"));
    assertEquals(-432, RfbNumbers.encodingNumber("FineQualityLevel80"));
    assertEquals(-766, RfbNumbers.encodingNumber("subsamp2x"));
    assertEquals(-317, RfbNumbers.encodingNumber(" TightWithoutZlib "));
    assertEquals(-224, RfbNumbers.encodingNumber("LastRect"));
    assertEquals(50, RfbNumbers.encodingNumber("50"));
    assertThrows(IllegalArgumentException.class, () -> RfbNumbers.encodingNumber("h264ish"));
  }

  @Test
  void theCommandLineTakesAnyOrder() {
    assertArrayEquals(new int[] {-224, 16, -28, 0, -317},
        Main.encodings("lastrect,zrle,QualityLevel4,raw,,-317"));
  }
}
