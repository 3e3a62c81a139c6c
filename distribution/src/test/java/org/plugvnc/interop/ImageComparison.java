package org.plugvnc.interop;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Compares what a viewer shows with the picture the server should have sent: finds the expected
 * picture inside a larger screenshot, and counts how many of its pixels match within a per-channel
 * tolerance.
 */
public final class ImageComparison {

  private ImageComparison() {}

  /**
   * How well {@code actual} (at an offset) matches an expected picture.
   *
   * @param offset where the expected picture's (0,0) lies in {@code actual}
   * @param matchingFraction the share of pixels within the tolerance in every channel
   * @param meanAbsoluteError the mean absolute difference per channel, over all pixels
   */
  public record Result(Point offset, double matchingFraction, double meanAbsoluteError) {

    @Override
    public String toString() {
      return String.format(
          "at (%d,%d): %.2f%% of pixels within tolerance, mean abs error %.2f per channel",
          offset.x, offset.y, matchingFraction * 100, meanAbsoluteError);
    }
  }

  /**
   * Compares {@code expected} with the region of {@code actual} starting at {@code offset}; the
   * region must fit inside {@code actual}.
   */
  public static Result compare(BufferedImage expected, BufferedImage actual, Point offset, int tolerance) {
    int width = expected.getWidth();
    int height = expected.getHeight();
    if (offset.x < 0 || offset.y < 0
        || offset.x + width > actual.getWidth() || offset.y + height > actual.getHeight()) {
      return new Result(offset, 0, 255);
    }
    long matching = 0;
    long errorSum = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int e = expected.getRGB(x, y);
        int a = actual.getRGB(offset.x + x, offset.y + y);
        int worst = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
          int diff = Math.abs(((e >> shift) & 0xFF) - ((a >> shift) & 0xFF));
          errorSum += diff;
          worst = Math.max(worst, diff);
        }
        if (worst <= tolerance) {
          matching++;
        }
      }
    }
    double pixels = (double) width * height;
    return new Result(offset, matching / pixels, errorSum / (pixels * 3));
  }

  /**
   * Finds where {@code expected} lies in {@code screen}: the candidates are the places where its
   * top-left pixel appears (within the tolerance), each scored on a sparse grid, the best one
   * compared in full.
   *
   * @return the full comparison at the best place, or empty when the expected picture's top-left
   *     pixel appears nowhere it would fit
   */
  public static Optional<Result> locate(BufferedImage expected, BufferedImage screen, int tolerance) {
    int corner = expected.getRGB(0, 0);
    Point best = null;
    double bestScore = -1;
    for (int y = 0; y + expected.getHeight() <= screen.getHeight(); y++) {
      for (int x = 0; x + expected.getWidth() <= screen.getWidth(); x++) {
        if (!close(corner, screen.getRGB(x, y), tolerance)) {
          continue;
        }
        double score = sparseScore(expected, screen, x, y, tolerance);
        if (score > bestScore) {
          bestScore = score;
          best = new Point(x, y);
        }
      }
    }
    return Optional.ofNullable(best).map(at -> compare(expected, screen, at, tolerance));
  }

  private static double sparseScore(BufferedImage expected, BufferedImage screen, int ox, int oy, int tolerance) {
    int step = 7;
    int matching = 0;
    int total = 0;
    for (int y = 0; y < expected.getHeight(); y += step) {
      for (int x = 0; x < expected.getWidth(); x += step) {
        total++;
        if (close(expected.getRGB(x, y), screen.getRGB(ox + x, oy + y), tolerance)) {
          matching++;
        }
      }
    }
    return (double) matching / total;
  }

  private static boolean close(int a, int b, int tolerance) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > tolerance) {
        return false;
      }
    }
    return true;
  }

  /**
   * Saves an image as PNG for a failure message.
   *
   * @return the file written
   */
  public static Path savePng(BufferedImage image, Path file) {
    try {
      Files.createDirectories(file.getParent());
      ImageIO.write(image, "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + file, e);
    }
  }
}
