package org.plugvnc.capture.virtual.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.plugvnc.api.pixel.Rect;

/**
 * What the person drew on the canvas, kept in an image of its own so that it survives repaints,
 * mode switches and resizes (anchored top left). Strokes connect successive pointer positions.
 */
final class Sketch {

  private final Color paper;
  private final Color ink;
  private BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
  private Rect canvas = new Rect(0, 0, 0, 0);
  private float lineWidth = 2;
  private boolean stroking;
  private int lastX;
  private int lastY;

  Sketch(Color paper, Color ink) {
    this.paper = paper;
    this.ink = ink;
    clear();
  }

  /** The drawing, as large as the canvas; its (0,0) is the canvas's top-left corner. */
  BufferedImage image() {
    return image;
  }

  /** Moves the sketch to {@code area}, keeping what was drawn; ends any stroke. */
  void place(Rect area, float width) {
    canvas = area;
    lineWidth = width;
    stroking = false;
    int w = Math.max(1, area.width());
    int h = Math.max(1, area.height());
    if (image.getWidth() == w && image.getHeight() == h) {
      return;
    }
    BufferedImage old = image;
    image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    clear();
    Graphics2D g = image.createGraphics();
    g.drawImage(old, 0, 0, null);
    g.dispose();
  }

  /** Starts a stroke with a dot at (x, y); returns the framebuffer area that changed. */
  Rect begin(int x, int y) {
    stroking = true;
    lastX = x;
    lastY = y;
    return line(x, y, x, y);
  }

  /** Extends the stroke to (x, y); returns the changed area, empty if there is no stroke. */
  Rect extend(int x, int y) {
    if (!stroking || (x == lastX && y == lastY)) {
      return new Rect(x, y, 0, 0);
    }
    Rect changed = line(lastX, lastY, x, y);
    lastX = x;
    lastY = y;
    return changed;
  }

  /** Ends the stroke; the next {@link #extend} draws nothing until {@link #begin}. */
  void end() {
    stroking = false;
  }

  /** Wipes the drawing and ends any stroke. */
  void clear() {
    stroking = false;
    Graphics2D g = image.createGraphics();
    g.setColor(paper);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.dispose();
  }

  private Rect line(int x1, int y1, int x2, int y2) {
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(ink);
      g.setStroke(new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.drawLine(x1 - canvas.x(), y1 - canvas.y(), x2 - canvas.x(), y2 - canvas.y());
    } finally {
      g.dispose();
    }
    int margin = (int) Math.ceil(lineWidth / 2) + 2;
    return Rect.ofCorners(Math.min(x1, x2) - margin, Math.min(y1, y2) - margin,
        Math.max(x1, x2) + margin + 1, Math.max(y1, y2) + margin + 1).intersect(canvas);
  }
}
