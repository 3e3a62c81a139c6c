package org.plugvnc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
  void aPictureThatDoesNotFitMatchesNothing() {
    BufferedImage expected = TestPattern.image(10, 10);
    BufferedImage small = new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB);

    assertEquals(Optional.empty(), ImageComparison.locate(expected, small, 2));
    assertEquals(0.0, ImageComparison.compare(expected, small, new Point(0, 0), 2).matchingFraction());
  }
}
