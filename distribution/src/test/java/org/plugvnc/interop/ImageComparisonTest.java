package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageComparisonTest {

  @Test
  void testPatternFollowsItsFormula() {
    assertEquals(0x000030, TestPattern.rgb(0, 0, 320, 240));
    assertEquals(0xFFFFD0, TestPattern.rgb(319, 239, 320, 240)); // check (4 + 3) is odd
  }

  @Test
  void testPatternChecksAlternateEvery64Pixels() {
    assertEquals(0x30, TestPattern.rgb(63, 0, 320, 240) & 0xFF);
    assertEquals(0xD0, TestPattern.rgb(64, 0, 320, 240) & 0xFF);
    assertEquals(0xD0, TestPattern.rgb(0, 64, 320, 240) & 0xFF);
    assertEquals(0x30, TestPattern.rgb(64, 64, 320, 240) & 0xFF);
    assertEquals(0x7F0000, TestPattern.rgb(1, 0, 3, 1) & 0xFF0000); // (1 * 255) / 2 = 127
  }

  @Test
  void locatesAPictureInsideAScreen() {
    BufferedImage expected = TestPattern.image(100, 80);
    BufferedImage screen = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    screen.createGraphics().drawImage(expected, 37, 21, null);

    Optional<ImageComparison.Result> result = ImageComparison.locate(expected, screen, 2);

    assertTrue(result.isPresent());
    assertEquals(new Point(37, 21), result.get().offset());
    assertEquals(1.0, result.get().matchingFraction());
    assertEquals(0.0, result.get().meanAbsoluteError());
  }

  @Test
  void countsPixelsOutsideTheTolerance() {
    BufferedImage expected = TestPattern.image(10, 10);
    BufferedImage actual = TestPattern.image(10, 10);
    actual.setRGB(0, 0, 0xFFFFFF);
    actual.setRGB(5, 5, actual.getRGB(5, 5) ^ 0x000003); // within a tolerance of 3

    ImageComparison.Result result = ImageComparison.compare(expected, actual, new Point(0, 0), 3);

    assertEquals(0.99, result.matchingFraction(), 1e-9);
    assertTrue(result.meanAbsoluteError() > 0);
  }

  @Test
  void psnrAndExactnessFollowTheirDefinitions() {
    BufferedImage expected = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    BufferedImage actual = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    actual.setRGB(1, 0, 0x00000F); // one channel of six off by 15: MSE 225 / 6 = 37.5

    ImageComparison.Result result = ImageComparison.compare(expected, actual, new Point(0, 0), 0);

    assertEquals(10 * Math.log10(255.0 * 255 / 37.5), result.psnr(), 1e-9);
    assertEquals(0.5, result.exactFraction());
    assertFalse(result.exact());
    assertTrue(ImageComparison.compare(expected, expected, new Point(0, 0), 0).exact());
  }

  @Test
  void reducedColoursAreTheLevelsAViewerShows() {
    BufferedImage picture = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
    picture.setRGB(0, 0, 0x7F8040);
    picture.setRGB(1, 0, 0x202020);
    picture.setRGB(2, 0, 0xFFFFFF);

    BufferedImage rgb332 = ImageComparison.reduced(picture, 7, 7, 3);
    BufferedImage rgb111 = ImageComparison.reduced(picture, 1, 1, 1);

    // 0x7F: (127 * 7 + 127) / 255 = 3, shown as 3 * 255 / 7 = 109; 0x80: 4, 145;
    // blue 0x40: (64 * 3 + 127) / 255 = 1, 85
    assertEquals(0x6D9155, rgb332.getRGB(0, 0) & 0xFFFFFF);
    // 0x20: (32 * 7 + 127) / 255 = 1 -> 36; blue (32 * 3 + 127) / 255 = 0
    assertEquals(0x242400, rgb332.getRGB(1, 0) & 0xFFFFFF);
    assertEquals(0xFFFFFF, rgb332.getRGB(2, 0) & 0xFFFFFF);
    assertEquals(0x00FF00, rgb111.getRGB(0, 0) & 0xFFFFFF);
  }

  @Test
  void scrolledPatternRotatesTheBandRows() {
    BufferedImage scrolled = TestPattern.scrolled(320, 240, 10, 8);

    // The band is x 40..279, y 60..179; 80 of its 120 rows have moved up.
    assertEquals(TestPattern.rgb(40, 140, 320, 240), scrolled.getRGB(40, 60) & 0xFFFFFF);
    assertEquals(TestPattern.rgb(100, 60, 320, 240), scrolled.getRGB(100, 100) & 0xFFFFFF);
    assertEquals(TestPattern.rgb(39, 60, 320, 240), scrolled.getRGB(39, 60) & 0xFFFFFF);
    assertEquals(TestPattern.rgb(100, 180, 320, 240), scrolled.getRGB(100, 180) & 0xFFFFFF);
    BufferedImage whole = TestPattern.scrolled(320, 240, 15, 8);
    assertEquals(TestPattern.rgb(100, 70, 320, 240), whole.getRGB(100, 70) & 0xFFFFFF,
        "15 steps of 8 rows bring the band of 120 rows back");
  }

  @Test
  void aPictureThatDoesNotFitMatchesNothing() {
    BufferedImage expected = TestPattern.image(10, 10);
    BufferedImage small = new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB);

    assertEquals(Optional.empty(), ImageComparison.locate(expected, small, 2));
    assertEquals(0.0, ImageComparison.compare(expected, small, new Point(0, 0), 2).matchingFraction());
  }
}
