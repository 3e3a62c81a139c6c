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
   * @param psnr the peak signal-to-noise ratio in dB over all channels (10 log10 of 255 squared
   *     over the mean squared error), {@link Double#POSITIVE_INFINITY} for identical pictures
   * @param exactFraction the share of pixels equal in every channel
   */
  public record Result(Point offset, double matchingFraction, double meanAbsoluteError,
      double psnr, double exactFraction) {

    /** Whether every pixel is exactly as expected. */
    public boolean exact() {
      return exactFraction == 1.0;
    }

    @Override
    public String toString() {
      return String.format(
          "at (%d,%d): %.2f%% of pixels within tolerance, %.2f%% exact, mean abs error %.2f per"
              + " channel, PSNR %.1f dB",
          offset.x, offset.y, matchingFraction * 100, exactFraction * 100, meanAbsoluteError,
          psnr);
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
      return new Result(offset, 0, 255, 0, 0);
    }
    long matching = 0;
    long exact = 0;
    long errorSum = 0;
    long squaredSum = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int e = expected.getRGB(x, y);
        int a = actual.getRGB(offset.x + x, offset.y + y);
        int worst = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
          int diff = Math.abs(((e >> shift) & 0xFF) - ((a >> shift) & 0xFF));
          errorSum += diff;
          squaredSum += diff * diff;
          worst = Math.max(worst, diff);
        }
        matching += worst <= tolerance ? 1 : 0;
        exact += worst == 0 ? 1 : 0;
      }
    }
    double pixels = (double) width * height;
    double meanSquared = squaredSum / (pixels * 3);
    double psnr = meanSquared == 0 ? Double.POSITIVE_INFINITY
        : 10 * Math.log10(255.0 * 255.0 / meanSquared);
    return new Result(offset, matching / pixels, errorSum / (pixels * 3), psnr, exact / pixels);
  }

  /**
   * {@code picture} as a viewer with a true-colour format of these channel maxima shows it: the
   * server reduces each 8-bit channel c to the level {@code (c * max + 127) / 255} (rounded to the
   * nearest, RFC 6143 7.4 leaves the rounding to the server and plugvnc rounds), and TigerVNC's
   * viewer widens a level v back to {@code v * 255 / max} (integer division) for its 24-bit
   * window, as a 256-colour run against a scripted server showed.
   */
  public static BufferedImage reduced(
      BufferedImage picture, int redMax, int greenMax, int blueMax) {
    BufferedImage out =
        new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < picture.getHeight(); y++) {
      for (int x = 0; x < picture.getWidth(); x++) {
        int rgb = picture.getRGB(x, y);
        out.setRGB(x, y, level(rgb >> 16 & 0xFF, redMax) << 16
            | level(rgb >> 8 & 0xFF, greenMax) << 8 | level(rgb & 0xFF, blueMax));
      }
    }
    return out;
  }

  private static int level(int channel, int max) {
    int value = (channel * max + 127) / 255;
    return value * 255 / max;
  }

  /**
   * Finds where {@code expected} lies in {@code screen}: the candidates are the places where its
   * corners and centre appear (within the tolerance), each scored on a sparse grid, the best one
   * compared in full.
   *
   * @return the full comparison at the best place, or empty when the expected picture's corners
   *     and centre appear nowhere it would fit
   */
  public static Optional<Result> locate(BufferedImage expected, BufferedImage screen, int tolerance) {
    int corner = expected.getRGB(0, 0);
    int w = expected.getWidth() - 1;
    int h = expected.getHeight() - 1;
    // The other corners and the centre must fit too: with a loose tolerance, every pixel of a
    // dark background would otherwise be scored as a candidate for a dark top-left pixel.
    int[][] probes = {{w, 0}, {0, h}, {w, h}, {w / 2, h / 2}};
    Point best = null;
    double bestScore = -1;
    for (int y = 0; y + expected.getHeight() <= screen.getHeight(); y++) {
      for (int x = 0; x + expected.getWidth() <= screen.getWidth(); x++) {
        if (!close(corner, screen.getRGB(x, y), tolerance)
            || !probesFit(expected, screen, x, y, probes, tolerance)) {
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

  private static boolean probesFit(
      BufferedImage expected, BufferedImage screen, int ox, int oy, int[][] probes, int tolerance) {
    for (int[] p : probes) {
      if (!close(expected.getRGB(p[0], p[1]), screen.getRGB(ox + p[0], oy + p[1]), tolerance)) {
        return false;
      }
    }
    return true;
  }

  /** Whether two images have the same size and pixels. */
  public static boolean same(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      return false;
    }
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          return false;
        }
      }
    }
    return true;
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
