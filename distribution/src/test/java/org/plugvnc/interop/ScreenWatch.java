package org.plugvnc.interop;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits until a viewer shows an expected picture somewhere on an X screen. Viewers draw in steps
 * (window mapped, first update, later updates), so the screen is grabbed repeatedly until the
 * picture is there or time runs out; on failure the last screenshot is saved for a person to
 * look at.
 */
public final class ScreenWatch {

  private static final Duration INTERVAL = Duration.ofMillis(500);

  private ScreenWatch() {}

  /**
   * @param tolerance the largest per-channel difference a pixel may have and still match
   * @param minFraction the share of pixels that must match
   * @param viewer checked between attempts: if it exits, waiting is pointless
   * @param failureImage where to save the last screenshot on failure
   * @return the successful comparison
   * @throws AssertionError naming the saved screenshot, the best comparison and the viewer's log
   */
  public static ImageComparison.Result awaitPicture(
      Xvfb xvfb,
      BufferedImage expected,
      int tolerance,
      double minFraction,
      Duration timeout,
      ChildProcess viewer,
      Path failureImage) {
    long deadline = System.nanoTime() + timeout.toNanos();
    BufferedImage screen;
    Optional<ImageComparison.Result> result;
    while (true) {
      screen = xvfb.screenshot();
      result = ImageComparison.locate(expected, screen, tolerance);
      if (result.isPresent() && result.get().matchingFraction() >= minFraction) {
        return result.get();
      }
      if (System.nanoTime() > deadline || !viewer.isAlive()) {
        break;
      }
      sleep(INTERVAL);
    }
    Path saved = ImageComparison.savePng(screen, failureImage);
    throw new AssertionError(
        "the viewer did not show the expected picture within " + timeout.toSeconds() + " s"
            + (viewer.isAlive() ? "" : " (the viewer exited)")
            + "; best match " + result.map(Object::toString).orElse("none (top-left pixel not found)")
            + ", need " + (minFraction * 100) + "%; screenshot saved to " + saved
            + "\n--- viewer output:\n" + viewer.output());
  }

  /**
   * Waits until the screen stops changing (two screenshots in a row alike) with the expected
   * picture located on it within {@code locateTolerance}, and compares it there: for a picture
   * that is close but not exact, such as JPEG, whose quality the caller then judges.
   *
   * @param locateTolerance the per-channel difference allowed at the corners and centre that
   *     locate the picture, and the tolerance of the returned comparison
   * @throws AssertionError when the screen does not settle on the picture in time
   */
  public static ImageComparison.Result awaitSteadyPicture(
      Xvfb xvfb,
      BufferedImage expected,
      int locateTolerance,
      Duration timeout,
      ChildProcess viewer,
      Path failureImage) {
    long deadline = System.nanoTime() + timeout.toNanos();
    BufferedImage previous = null;
    BufferedImage screen;
    while (true) {
      screen = xvfb.screenshot();
      if (previous != null && ImageComparison.same(previous, screen)) {
        Optional<ImageComparison.Result> result =
            ImageComparison.locate(expected, screen, locateTolerance);
        if (result.isPresent()) {
          return result.get();
        }
      }
      if (System.nanoTime() > deadline || !viewer.isAlive()) {
        break;
      }
      previous = screen;
      sleep(INTERVAL);
    }
    Path saved = ImageComparison.savePng(screen, failureImage);
    throw new AssertionError("the screen did not settle on the expected picture within "
        + timeout.toSeconds() + " s" + (viewer.isAlive() ? "" : " (the viewer exited)")
        + "; screenshot saved to " + saved + "\n--- viewer output:\n" + viewer.output());
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
