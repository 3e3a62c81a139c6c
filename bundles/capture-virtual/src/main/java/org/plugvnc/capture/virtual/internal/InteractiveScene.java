package org.plugvnc.capture.virtual.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.pixel.Rect;

/**
 * The demo desktop a person can see working: a ticking clock, a line that echoes typing, a canvas
 * to draw on, the clipboard, two buttons and a log of key events that scrolls by copies
 * ({@link KeyLogPanel}). Its state outlives hiding and resizing, so switching
 * modes or sizes keeps what was typed and drawn. Like every {@link Scene}, it is called with the
 * pixel lock held, and repaints and damages only the parts an event changed.
 */
final class InteractiveScene implements Scene {

  /** Longest typed line kept: more would only scroll out of sight. */
  static final int MAX_LINE = 256;

  private static final DateTimeFormatter CLOCK_FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final int BUTTON_1 = 1;
  private static final int BUTTON_3 = 4;

  private enum Pressed { NONE, COPY, BELL }

  private final PixelBuffer pixels;
  private final Clock clock;
  private final Sketch sketch = new Sketch(InteractivePainter.PANEL, InteractivePainter.INK);
  private final StringBuilder line = new StringBuilder();
  private final KeyLogPanel keyLog;
  private String title;
  private boolean shown;
  private InteractiveLayout layout;
  private InteractivePainter painter;
  private boolean controlDown;
  private String lastKey = "Last key: none yet";
  private String clockText = "";
  /** What the viewers' clipboard holds, as far as this desktop knows: what they or it set last. */
  private String clipboardText = "";
  private String pointerText = "Pointer: outside";
  private int buttonMask;
  private Pressed pressed = Pressed.NONE;
  private CursorShape cursor = DesktopCursors.ARROW;

  InteractiveScene(PixelBuffer pixels, Clock clock, String title) {
    this.pixels = pixels;
    this.clock = clock;
    this.title = title;
    keyLog = new KeyLogPanel(pixels);
  }

  /** The header title; shown from the next {@link #show}. */
  void retitle(String newTitle) {
    title = newTitle;
  }

  /** The layout in use, for tests that check where damage goes. */
  InteractiveLayout layout() {
    return layout;
  }

  /** The key log, for tests that check its slots. */
  KeyLogPanel keyLog() {
    return keyLog;
  }

  /** The clipboard now holds {@code text} (a viewer set it). */
  void clipboardChanged(String text, SceneChanges out) {
    clipboardText = text;
    if (shown) {
      paint(layout.clipboardBox, g -> painter.paintClipboard(g, clipboardText), out);
      paintCopyButton(out);
    }
  }

  /** Paints everything afresh; input in progress (a held button, a held Control) is forgotten. */
  @Override
  public void show(SceneChanges out) {
    shown = true;
    buttonMask = 0;
    controlDown = false;
    pressed = Pressed.NONE;
    cursor = DesktopCursors.ARROW;
    Graphics2D metrics = pixels.image().createGraphics();
    try {
      layout = new InteractiveLayout(pixels.width(), pixels.height(), metrics);
    } finally {
      metrics.dispose();
    }
    painter = new InteractivePainter(layout);
    keyLog.place(layout, painter);
    sketch.place(layout.canvas, Math.max(2f, layout.unit / 6f));
    clockText = LocalTime.now(clock).format(CLOCK_FORMAT);
    paint(pixels.bounds(), g -> {
      painter.paintStatic(g, title);
      painter.paintClock(g, clockText);
      painter.paintInput(g, line.toString());
      painter.paintCanvas(g, sketch.image());
      painter.paintClipboard(g, clipboardText);
      painter.paintStatus(g, layout.keyBox, lastKey);
      painter.paintStatus(g, layout.pointerBox, pointerText);
    }, out);
    keyLog.paintAll(out);
    paintCopyButton(out);
    paintBellButton(out);
  }

  @Override
  public void hide() {
    shown = false;
  }

  @Override
  public void key(KeyEvent event, SceneChanges out) {
    keyLog.add(event, out);
    int keysym = event.keysym();
    if (Keysyms.isControl(keysym)) {
      controlDown = event.down();
    }
    if (!event.down()) {
      return;
    }
    lastKey = String.format("Last key: %s  (0x%04x)", Keysyms.describe(keysym), keysym);
    paint(layout.keyBox, g -> painter.paintStatus(g, layout.keyBox, lastKey), out);
    if (controlDown) {
      if (keysym == 'g' || keysym == 'G') {
        out.bell();
      }
      return;
    }
    if (edit(keysym, out)) {
      paint(layout.input, g -> painter.paintInput(g, line.toString()), out);
    }
  }

  /** Applies a key to the typed line; true when the line changed. */
  private boolean edit(int keysym, SceneChanges out) {
    if (keysym == Keysyms.BACKSPACE) {
      if (line.length() == 0) {
        return false;
      }
      line.setLength(line.offsetByCodePoints(line.length(), -1));
      return true;
    }
    if (keysym == Keysyms.RETURN || keysym == Keysyms.KP_ENTER) {
      if (line.length() == 0) {
        return false;
      }
      copyToClipboard(line.toString(), out);
      line.setLength(0);
      return true;
    }
    int cp = Keysyms.codePoint(keysym);
    if (cp < 0 || line.codePointCount(0, line.length()) >= MAX_LINE) {
      return false;
    }
    line.appendCodePoint(cp);
    return true;
  }

  @Override
  public void pointer(PointerEvent event, SceneChanges out) {
    int previous = buttonMask;
    buttonMask = event.buttonMask();
    int x = event.x();
    int y = event.y();
    boolean press1 = (buttonMask & BUTTON_1) != 0 && (previous & BUTTON_1) == 0;
    boolean release1 = (buttonMask & BUTTON_1) == 0 && (previous & BUTTON_1) != 0;
    boolean inCanvas = inside(layout.canvas, x, y);
    if (press1 && inCanvas) {
      paintCanvas(sketch.begin(x, y), out);
    } else if ((buttonMask & BUTTON_1) != 0) {
      paintCanvas(sketch.extend(x, y), out);
    }
    if (release1) {
      sketch.end();
      releaseButton(out);
    }
    if ((buttonMask & BUTTON_3) != 0 && (previous & BUTTON_3) == 0 && inCanvas) {
      sketch.clear();
      paintCanvas(layout.canvas, out);
    }
    if (press1) {
      pressButton(x, y, out);
    }
    showPointer(x, y, out);
    cursor = inCanvas ? DesktopCursors.CROSSHAIR : DesktopCursors.ARROW;
  }

  @Override
  public void tick(SceneChanges out) {
    String now = LocalTime.now(clock).format(CLOCK_FORMAT);
    if (!now.equals(clockText)) {
      clockText = now;
      paint(layout.clock, g -> painter.paintClock(g, clockText), out);
    }
  }

  @Override
  public CursorShape cursor() {
    return cursor;
  }

  private void paintCanvas(Rect area, SceneChanges out) {
    paint(area, g -> painter.paintCanvas(g, sketch.image()), out);
  }

  private void pressButton(int x, int y, SceneChanges out) {
    if (inside(layout.copyButton, x, y)) {
      pressed = Pressed.COPY;
      copyToClipboard(line.toString(), out);
    } else if (inside(layout.bellButton, x, y)) {
      pressed = Pressed.BELL;
      out.bell();
      paintBellButton(out);
    }
  }

  /** Puts {@code text} on the viewers' clipboard and shows it in the clipboard box. */
  private void copyToClipboard(String text, SceneChanges out) {
    out.setClipboard(text);
    clipboardChanged(text, out);
  }

  private void releaseButton(SceneChanges out) {
    Pressed was = pressed;
    pressed = Pressed.NONE;
    if (was == Pressed.COPY) {
      paintCopyButton(out);
    } else if (was == Pressed.BELL) {
      paintBellButton(out);
    }
  }

  private void showPointer(int x, int y, SceneChanges out) {
    StringBuilder text = new StringBuilder("Pointer: ").append(x).append(", ").append(y);
    if (buttonMask != 0) {
      text.append("   buttons:");
      for (int bit = 0; bit < 8; bit++) {
        if ((buttonMask & (1 << bit)) != 0) {
          text.append(' ').append(bit + 1);
        }
      }
    }
    String now = text.toString();
    if (!now.equals(pointerText)) {
      pointerText = now;
      paint(layout.pointerBox, g -> painter.paintStatus(g, layout.pointerBox, pointerText), out);
    }
  }

  private void paintCopyButton(SceneChanges out) {
    boolean enabled = clipboardText != null;
    Color fill = !enabled ? InteractivePainter.DISABLED
        : pressed == Pressed.COPY ? InteractivePainter.ACCENT_PRESSED : InteractivePainter.ACCENT;
    String label = enabled ? "Copy typed line to clipboard" : "No clipboard service";
    paint(layout.copyButton, g -> painter.paintButton(g, layout.copyButton, label, fill), out);
  }

  private void paintBellButton(SceneChanges out) {
    Color fill = pressed == Pressed.BELL ? InteractivePainter.BELL_PRESSED : InteractivePainter.BELL;
    paint(layout.bellButton, g -> painter.paintButton(g, layout.bellButton, "Ring the bell", fill),
        out);
  }

  /** Paints {@code area} (clipped to the framebuffer) with {@code how} and records the damage. */
  private void paint(Rect area, Consumer<Graphics2D> how, SceneChanges out) {
    Rect clipped = area.intersect(pixels.bounds());
    if (clipped.isEmpty()) {
      return;
    }
    Graphics2D g = InteractivePainter.graphics(pixels.image(), clipped);
    try {
      how.accept(g);
    } finally {
      g.dispose();
    }
    out.damage(clipped);
  }

  private static boolean inside(Rect r, int x, int y) {
    return x >= r.x() && y >= r.y() && x < r.right() && y < r.bottom();
  }
}
