package org.plugvnc.capture.virtual.internal;

import java.awt.Graphics2D;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;

/**
 * The interactive desktop's key log: one line per key event, the newest at the bottom. A new line
 * scrolls the lines above it up by one line height by moving their pixels inside the framebuffer,
 * reported as a copy (so a viewer that takes CopyRect moves them too, instead of being sent them
 * again), and then paints only the new line as damage.
 *
 * <p>That works because each line is painted into its own slot, every pixel of it and nothing
 * outside it: the moved pixels are exactly what painting every line afresh one slot higher gives.
 * Like every part of a {@link Scene}, it is called with the pixel lock held.
 */
final class KeyLogPanel {

  /** Lines kept for a repaint; more than the tallest layout shows. */
  static final int MAX_LINES = 1024;

  /** One logged key event. */
  private record Line(String text, boolean pressed) {}

  private final PixelBuffer pixels;
  private final ArrayDeque<Line> lines = new ArrayDeque<>();
  private InteractiveLayout layout;
  private InteractivePainter painter;

  KeyLogPanel(PixelBuffer pixels) {
    this.pixels = pixels;
  }

  /** The text logged for {@code event}, such as {@code key 0x0061 down  'a'}. */
  static String describe(KeyEvent event) {
    return String.format("key 0x%04x %-4s  %s", event.keysym(), event.down() ? "down" : "up",
        Keysyms.describe(event.keysym()));
  }

  /** Uses a new layout from the next paint on; the lines logged so far are kept. */
  void place(InteractiveLayout newLayout, InteractivePainter newPainter) {
    layout = newLayout;
    painter = newPainter;
  }

  /** Paints every slot afresh from the lines kept, and damages them. */
  void paintAll(SceneChanges out) {
    int slots = layout.keyLogLines();
    Iterator<Line> newestFirst = lines.descendingIterator();
    for (int slot = slots - 1; slot >= 0; slot--) {
      paintSlot(slot, newestFirst.hasNext() ? newestFirst.next() : new Line("", true), out);
    }
  }

  /** Logs {@code event}: the lines shown scroll up one slot, and the new one fills the last. */
  void add(KeyEvent event, SceneChanges out) {
    Line line = new Line(describe(event), event.down());
    lines.addLast(line);
    if (lines.size() > MAX_LINES) {
      lines.removeFirst();
    }
    int slots = layout.keyLogLines();
    if (slots == 0) {
      return;
    }
    Rect log = layout.keyLog;
    if (!pixels.bounds().contains(log)) {
      // Only on desktops too small for the layout: a move would leave the framebuffer.
      paintAll(out);
      return;
    }
    if (slots > 1) {
      Rect target = new Rect(log.x(), log.y(), log.width(), (slots - 1) * layout.keyLogLine);
      Point source = new Point(log.x(), log.y() + layout.keyLogLine);
      pixels.copy(target, source);
      out.copied(target, source);
    }
    paintSlot(slots - 1, line, out);
  }

  /** The rectangle of slot {@code index}, 0 at the top. */
  Rect slot(int index) {
    Rect log = layout.keyLog;
    return new Rect(log.x(), log.y() + index * layout.keyLogLine, log.width(), layout.keyLogLine);
  }

  private void paintSlot(int index, Line line, SceneChanges out) {
    Rect area = slot(index).intersect(pixels.bounds());
    if (area.isEmpty()) {
      return;
    }
    Graphics2D g = InteractivePainter.graphics(pixels.image(), area);
    try {
      painter.paintKeyLogLine(g, slot(index), line.text(), line.pressed());
    } finally {
      g.dispose();
    }
    out.damage(area);
  }
}
