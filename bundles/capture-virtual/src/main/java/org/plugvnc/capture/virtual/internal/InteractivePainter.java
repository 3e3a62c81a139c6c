package org.plugvnc.capture.virtual.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.plugvnc.api.pixel.Rect;

/**
 * Draws the parts of the interactive desktop. Each {@code paintX} method repaints every pixel of
 * its part (background first), so any part can be repainted alone and the result matches a full
 * repaint. Holds no state but the layout.
 */
final class InteractivePainter {

  static final Color BACKGROUND = new Color(0xE9EEF5);
  static final Color HEADER = new Color(0x1F2A44);
  static final Color HEADER_TEXT = Color.WHITE;
  static final Color HEADER_MUTED = new Color(0xA9B4CC);
  static final Color CLOCK_PILL = new Color(0x2E3D60);
  static final Color CLOCK_TEXT = new Color(0x9FE3FF);
  static final Color PANEL = Color.WHITE;
  static final Color BORDER = new Color(0xB4BFCF);
  static final Color TEXT = new Color(0x1B2333);
  static final Color MUTED = new Color(0x5A6478);
  static final Color ACCENT = new Color(0x2563EB);
  static final Color ACCENT_PRESSED = new Color(0x1E3A8A);
  static final Color DISABLED = new Color(0x9AA5B8);
  static final Color BELL = new Color(0x0F766E);
  static final Color BELL_PRESSED = new Color(0x134E4A);
  static final Color FOOTER = new Color(0xD6DDE8);
  static final Color INK = new Color(0x1D3A8A);

  private static final String[] HELP = {
    "Type: the line above echoes your keys",
    "Return: copy the line to the clipboard",
    "BackSpace: delete the last character",
    "Left button: draw \u00b7 right button: clear",
    "Ctrl-G or the Bell button: ring the bell",
  };

  /** Lines of the help block: its title and {@link #HELP}. */
  static final int HELP_LINES = HELP.length + 1;

  private final InteractiveLayout layout;

  InteractivePainter(InteractiveLayout layout) {
    this.layout = layout;
  }

  /** A graphics on {@code image} clipped to {@code area}, with anti-aliased shapes and text. */
  static Graphics2D graphics(BufferedImage image, Rect area) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.clipRect(area.x(), area.y(), area.width(), area.height());
    return g;
  }

  /** Everything that never changes on its own: backgrounds, header, captions, borders, help. */
  void paintStatic(Graphics2D g, String title) {
    InteractiveLayout l = layout;
    fill(g, new Rect(0, 0, l.width, l.height), BACKGROUND);
    fill(g, l.header, HEADER);
    FontMetrics tm = g.getFontMetrics(l.titleFont);
    int titleBaseline = (l.header.height() - tm.getHeight()) / 2 + tm.getAscent();
    Graphics2D titleArea = (Graphics2D) g.create();
    titleArea.clipRect(0, 0, Math.max(0, l.clock.x() - l.pad), l.header.height());
    text(titleArea, l.titleFont, HEADER_TEXT, title, l.pad, titleBaseline);
    text(titleArea, l.subtitleFont, HEADER_MUTED, "virtual desktop",
        l.pad + tm.stringWidth(title) + l.pad, titleBaseline);
    titleArea.dispose();

    caption(g, "Type here \u00b7 Return copies the line to the clipboard \u00b7 BackSpace deletes",
        l.pad, l.inputCaptionY, l.input.width());
    caption(g, "Canvas \u00b7 drag with the left button to draw, click the right button to clear",
        l.pad, l.mainCaptionY, l.canvas.width());
    caption(g, "Clipboard", l.rightX(), l.mainCaptionY, l.clipboardBox.width());
    g.setColor(BORDER);
    g.drawRect(l.canvas.x() - 1, l.canvas.y() - 1, l.canvas.width() + 1, l.canvas.height() + 1);
    int lineHeight = g.getFontMetrics(l.smallFont).getHeight();
    text(g, l.smallFont.deriveFont(Font.BOLD), TEXT, "Try it", l.rightX(), l.helpY);
    for (int i = 0; i < HELP.length; i++) {
      text(g, l.smallFont, MUTED, "\u2022 " + HELP[i], l.rightX(), l.helpY + (i + 1) * lineHeight);
    }

    caption(g, "Key events \u00b7 each one scrolls the log up a line (CopyRect)", l.rightX(),
        l.keyLogCaptionY, l.keyLogBox.width());
    fill(g, l.keyLogBox, PANEL);
    g.setColor(BORDER);
    g.drawRect(l.keyLogBox.x() - 1, l.keyLogBox.y() - 1, l.keyLogBox.width() + 1,
        l.keyLogBox.height() + 1);

    fill(g, l.footer, FOOTER);
    fill(g, new Rect(0, l.footer.y(), l.width, 1), BORDER);
    String size = l.width + " \u00d7 " + l.height;
    FontMetrics sm = g.getFontMetrics(l.smallFont);
    text(g, l.smallFont, MUTED, size, l.width - l.pad - sm.stringWidth(size),
        centeredBaseline(sm, l.footer));
  }

  /** The clock pill in the header. */
  void paintClock(Graphics2D g, String time) {
    Rect c = layout.clock;
    fill(g, c, HEADER);
    g.setColor(CLOCK_PILL);
    g.fillRoundRect(c.x(), c.y(), c.width(), c.height(), c.height() / 2, c.height() / 2);
    FontMetrics fm = g.getFontMetrics(layout.clockFont);
    text(g, layout.clockFont, CLOCK_TEXT, time, c.x() + (c.width() - fm.stringWidth(time)) / 2,
        centeredBaseline(fm, c));
  }

  /** The input box with the typed line, a caret after it, and a hint while it is empty. */
  void paintInput(Graphics2D g, String line) {
    Rect r = layout.input;
    panel(g, r, ACCENT, 2);
    FontMetrics fm = g.getFontMetrics(layout.monoFont);
    int inset = layout.pad * 2 / 3 + 2;
    int caretWidth = Math.max(2, layout.unit / 8);
    int room = r.width() - 2 * inset - caretWidth - 2;
    String shown = TextFit.tail(fm, line, room);
    int baseline = centeredBaseline(fm, r);
    text(g, layout.monoFont, TEXT, shown, r.x() + inset, baseline);
    int caretX = r.x() + inset + fm.stringWidth(shown) + 1;
    fill(g, new Rect(caretX, baseline - fm.getAscent(), caretWidth, fm.getAscent() + fm.getDescent()),
        ACCENT);
    if (line.isEmpty()) {
      text(g, layout.bodyFont, MUTED, "type something\u2026", caretX + caretWidth + layout.pad / 2,
          centeredBaseline(g.getFontMetrics(layout.bodyFont), r));
    }
  }

  /** The part of the canvas inside the graphics' clip, copied from the drawing. */
  void paintCanvas(Graphics2D g, BufferedImage drawing) {
    fill(g, layout.canvas, PANEL);
    g.drawImage(drawing, layout.canvas.x(), layout.canvas.y(), null);
  }

  /** The clipboard box: up to two lines of its text, or why there is none. */
  void paintClipboard(Graphics2D g, String text) {
    Rect r = layout.clipboardBox;
    panel(g, r, BORDER, 1);
    FontMetrics fm = g.getFontMetrics(layout.bodyFont);
    int inset = layout.pad * 2 / 3 + 2;
    int x = r.x() + inset;
    int first = r.y() + (r.height() - 2 * fm.getHeight()) / 2 + fm.getAscent();
    if (text == null || text.isEmpty()) {
      String why = text == null ? "(no clipboard service)" : "(empty)";
      text(g, layout.bodyFont.deriveFont(Font.ITALIC), MUTED, why, x, first);
      return;
    }
    String[] lines = ClipboardPreview.twoLines(text, fm, r.width() - 2 * inset);
    for (int i = 0; i < lines.length; i++) {
      text(g, layout.bodyFont, TEXT, lines[i], x, first + i * fm.getHeight());
    }
  }

  /** A button: filled rounded rectangle with a centred label. */
  void paintButton(Graphics2D g, Rect r, String label, Color fill) {
    fill(g, r, BACKGROUND);
    g.setColor(fill);
    int arc = Math.max(4, layout.unit / 2);
    g.fillRoundRect(r.x(), r.y(), r.width() - 1, r.height() - 1, arc, arc);
    FontMetrics fm = g.getFontMetrics(layout.buttonFont);
    String shown = TextFit.head(fm, label, r.width() - layout.pad);
    text(g, layout.buttonFont, Color.WHITE, shown, r.x() + (r.width() - fm.stringWidth(shown)) / 2,
        centeredBaseline(fm, r));
  }

  /**
   * One line of the key log in its slot; pressed keys in the text colour, released ones muted.
   * Paints every pixel of the slot and nothing else, wherever the slot is, so a line moved up by
   * a copy looks exactly like the same line painted one slot higher.
   */
  void paintKeyLogLine(Graphics2D g, Rect slot, String line, boolean pressed) {
    fill(g, slot, PANEL);
    FontMetrics fm = g.getFontMetrics(layout.logFont);
    text(g, layout.logFont, pressed ? TEXT : MUTED, line, slot.x() + 2, centeredBaseline(fm, slot));
  }

  /** One status text in the footer, in {@code box}. */
  void paintStatus(Graphics2D g, Rect box, String status) {
    fill(g, box, FOOTER);
    FontMetrics fm = g.getFontMetrics(layout.smallFont);
    text(g, layout.smallFont, TEXT, status, box.x(), centeredBaseline(fm, box));
  }

  private void panel(Graphics2D g, Rect r, Color border, int thickness) {
    fill(g, r, BACKGROUND);
    int arc = Math.max(4, layout.unit / 2);
    g.setColor(PANEL);
    g.fillRoundRect(r.x(), r.y(), r.width() - 1, r.height() - 1, arc, arc);
    g.setColor(border);
    g.setStroke(new BasicStroke(thickness));
    int half = thickness / 2;
    g.drawRoundRect(r.x() + half, r.y() + half, r.width() - 1 - thickness, r.height() - 1 - thickness,
        arc, arc);
  }

  private void caption(Graphics2D g, String s, int x, int baseline, int room) {
    String shown = TextFit.head(g.getFontMetrics(layout.smallFont), s, room);
    text(g, layout.smallFont, MUTED, shown, x, baseline);
  }

  private static int centeredBaseline(FontMetrics fm, Rect r) {
    return r.y() + (r.height() - fm.getHeight()) / 2 + fm.getAscent();
  }

  private static void fill(Graphics2D g, Rect r, Color color) {
    g.setColor(color);
    g.fillRect(r.x(), r.y(), r.width(), r.height());
  }

  private static void text(Graphics2D g, Font font, Color color, String s, int x, int baseline) {
    g.setFont(font);
    g.setColor(color);
    g.drawString(s, x, baseline);
  }
}
