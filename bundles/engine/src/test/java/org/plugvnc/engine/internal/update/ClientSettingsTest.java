package org.plugvnc.engine.internal.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.encoding.EncodingSettings;
import org.plugvnc.api.encoding.Subsampling;

/**
 * SetEncodings parsed (RFC 6143 7.5.2 and rfbproto's pseudo-encodings): real encodings in the
 * viewer's order, the pseudo-encodings it takes, and of each kind of level the first listed.
 */
class ClientSettingsTest {

  private static EncodingSettings settings(int... list) {
    return new ClientSettings(list).encodingSettings();
  }

  @Test
  void beforeAnySetEncodingsNothingIsListed() {
    ClientSettings c = ClientSettings.INITIAL;
    assertEquals(List.of(), c.encodings());
    assertFalse(c.cursor());
    assertFalse(c.desktopSize());
    assertFalse(c.lastRect());
    assertEquals(EncodingSettings.DEFAULT, c.encodingSettings());
    assertFalse(c.encodingSettings().jpegAllowed());
  }

  @Test
  void realEncodingsKeepTheViewersOrderOnce() {
    ClientSettings c = new ClientSettings(new int[] {7, -239, 1, 16, 7, -260, 0, 1000, -5, -224});
    assertEquals(List.of(7, 1, 16, -260, 0, 1000), c.encodings(),
        "TightPNG (-260) is a real encoding despite its number; unknown pseudo-encodings are not");
    assertTrue(c.lists(16));
    assertFalse(c.lists(5));
  }

  @Test
  void pseudoEncodingsTheEngineUses() {
    ClientSettings c = new ClientSettings(new int[] {-239, -223, -224});
    assertTrue(c.cursor());
    assertTrue(c.desktopSize());
    assertTrue(c.lastRect());
    assertEquals(List.of(), c.encodings());
    assertFalse(new ClientSettings(new int[] {-314, -240}).cursor(), "other cursor kinds");
  }

  @Test
  void qualityLevelsMinus32To23AndTheFirstListedWins() {
    assertEquals(0, settings(-32).qualityLevel());
    assertEquals(9, settings(-23).qualityLevel());
    assertEquals(6, settings(-26, -30).qualityLevel());
    assertEquals(-1, settings(-33).qualityLevel());
    assertEquals(-1, settings(-22).qualityLevel());
    assertTrue(settings(-26).jpegAllowed());
  }

  @Test
  void fineQualityMinus512To412AndTheFirstListedWins() {
    assertEquals(0, settings(-512).fineQuality());
    assertEquals(100, settings(-412).fineQuality());
    assertEquals(80, settings(-432, -500).fineQuality());
    assertEquals(-1, settings(-513).fineQuality());
    assertEquals(-1, settings(-411).fineQuality());
    EncodingSettings both = settings(-26, -432);
    assertEquals(6, both.qualityLevel());
    assertEquals(80, both.jpegQuality(), "fine quality wins over the level's");
    assertTrue(settings(-432).jpegAllowed(), "fine quality alone allows JPEG");
  }

  @Test
  void subsamplingMinus768To763InTurboVncsOrderAndTheFirstListedWins() {
    Subsampling[] expected = {Subsampling.NONE, Subsampling.FOUR_X, Subsampling.TWO_X,
      Subsampling.GRAY, Subsampling.EIGHT_X, Subsampling.SIXTEEN_X};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], settings(-768 + i).subsampling(), "pseudo-encoding " + (-768 + i));
    }
    assertEquals(Subsampling.GRAY, settings(-765, -768).subsampling());
    assertNull(settings(-769).subsampling());
    assertNull(settings(-762).subsampling());
    assertNull(settings().subsampling());
    assertEquals(Subsampling.TWO_X, settings(-766, -23).jpegSubsampling(),
        "listed subsampling wins over the level's");
  }

  @Test
  void compressLevelsMinus256To247AndTheFirstListedWins() {
    assertEquals(0, settings(-256).compressLevel());
    assertEquals(9, settings(-247).compressLevel());
    assertEquals(2, settings(-254, -250).compressLevel());
    assertEquals(-1, settings(-257).compressLevel(), "QEMU pointer motion change, not a level");
    assertEquals(-1, settings(-246).compressLevel());
  }

  @Test
  void tightWithoutZlibOnlyWhenMinus317IsListed() {
    assertTrue(settings(7, -317).tightWithoutZlib());
    assertFalse(settings(7, -316, -318).tightWithoutZlib());
  }

  @Test
  void aTigerVncListParsesWhole() {
    ClientSettings c = new ClientSettings(new int[] {-239, -240, -223, -308, -224, -313, -312,
        7, 1, 16, 5, 2, 0, -254, -24});
    assertEquals(List.of(7, 1, 16, 5, 2, 0), c.encodings());
    assertEquals(new EncodingSettings(8, -1, null, 2, false), c.encodingSettings());
    assertTrue(c.cursor() && c.desktopSize() && c.lastRect());
  }
}
