package org.plugvnc.capture.virtual.internal;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import org.plugvnc.api.pixel.Rect;

/**
 * Where everything of the interactive desktop goes for one framebuffer size. Every measure derives
 * from one unit that grows with the smaller of width/64 and height/40, so the desktop looks the
 * same at 800x600 and at 2560x1600. At tiny sizes boxes may overlap or be empty; nothing fails.
 *
 * <pre>
 * +-------------------------------------------------------------+
 * | title  subtitle                                  [HH:mm:ss] |  header
 * | Type here ...                                               |
 * | [ typed line|                                             ] |  input
 * | Canvas ...                          | Clipboard             |
 * | +---------------------------------+ | [ clipboard text    ] |
 * | |                                 | | [ Copy typed line   ] |
 * | |          canvas                 | | [ Bell              ] |
 * | |                                 | | help lines            |
 * | |                                 | | Key events            |
 * | |                                 | | [ key log, scrolls  ] |
 * | +---------------------------------+ | [ up a line a key   ] |
 * | Last key: ...   Pointer: ...                     size      |  footer
 * +-------------------------------------------------------------+
 * </pre>
 */
final class InteractiveLayout {

  final int width;
  final int height;
  final int unit;
  final int pad;

  final Font titleFont;
  final Font subtitleFont;
  final Font clockFont;
  final Font monoFont;
  final Font bodyFont;
  final Font smallFont;
  final Font buttonFont;
  final Font logFont;

  final Rect header;
  final Rect clock;
  final Rect input;
  final Rect canvas;
  final Rect clipboardBox;
  final Rect copyButton;
  final Rect bellButton;
  final Rect footer;
  final Rect keyBox;
  final Rect pointerBox;
  /** The key log's panel, with its border. */
  final Rect keyLogBox;
  /** Inside the key log's panel: whole lines of {@link #keyLogLine} rows, the part that scrolls. */
  final Rect keyLog;
  final int keyLogLine;

  /** Baselines of the static captions. */
  final int inputCaptionY;
  final int mainCaptionY;
  final int helpY;
  final int keyLogCaptionY;

  InteractiveLayout(int width, int height, Graphics2D g) {
    this.width = width;
    this.height = height;
    unit = Math.max(6, Math.min(64, Math.min(width / 64, height / 40)));
    pad = Math.max(2, Math.round(unit * 0.8f));
    titleFont = new Font(Font.SANS_SERIF, Font.BOLD, size(1.25f, 16));
    subtitleFont = new Font(Font.SANS_SERIF, Font.PLAIN, size(0.8f, 12));
    clockFont = new Font(Font.MONOSPACED, Font.BOLD, size(1.15f, 15));
    monoFont = new Font(Font.MONOSPACED, Font.PLAIN, size(1.0f, 14));
    bodyFont = new Font(Font.SANS_SERIF, Font.PLAIN, size(0.85f, 12));
    smallFont = new Font(Font.SANS_SERIF, Font.PLAIN, size(0.72f, 11));
    buttonFont = new Font(Font.SANS_SERIF, Font.BOLD, size(0.85f, 12));
    logFont = new Font(Font.MONOSPACED, Font.PLAIN, size(0.72f, 11));

    header = new Rect(0, 0, width, atLeast(2.6f, g.getFontMetrics(titleFont).getHeight() + pad));
    FontMetrics clockMetrics = g.getFontMetrics(clockFont);
    int clockWidth = clockMetrics.stringWidth("00:00:00") + pad;
    int clockHeight = clockMetrics.getHeight() + pad / 2;
    clock = new Rect(width - pad - clockWidth, (header.height() - clockHeight) / 2,
        clockWidth, clockHeight);

    FontMetrics small = g.getFontMetrics(smallFont);
    int captionHeight = small.getHeight();
    int footerHeight = atLeast(1.6f, captionHeight + pad / 2);
    footer = new Rect(0, height - footerHeight, width, footerHeight);
    // The status boxes leave the footer's top border line alone.
    keyBox = new Rect(pad, footer.y() + 1, width * 36 / 100, footerHeight - 1);
    pointerBox = new Rect(keyBox.right() + pad, footer.y() + 1, width * 30 / 100, footerHeight - 1);

    inputCaptionY = header.bottom() + pad + small.getAscent();
    input = new Rect(pad, header.bottom() + pad + captionHeight + pad / 3, width - 2 * pad,
        atLeast(2.2f, g.getFontMetrics(monoFont).getHeight() + pad));

    int mainTop = input.bottom() + pad;
    int mainBottom = footer.y() - pad;
    mainCaptionY = mainTop + small.getAscent();
    int boxTop = mainTop + captionHeight + pad / 3;
    int leftWidth = (width - 3 * pad) * 62 / 100;
    canvas = Rect.ofCorners(pad, boxTop, pad + leftWidth, mainBottom);

    int rightX = canvas.right() + pad;
    int rightWidth = width - pad - rightX;
    int bodyLine = g.getFontMetrics(bodyFont).getHeight();
    clipboardBox = new Rect(rightX, boxTop, rightWidth, 2 * bodyLine + pad);
    int buttonHeight = atLeast(2.1f, g.getFontMetrics(buttonFont).getHeight() + pad);
    copyButton = new Rect(rightX, clipboardBox.bottom() + pad, rightWidth, buttonHeight);
    bellButton = new Rect(rightX, copyButton.bottom() + pad / 2, rightWidth, buttonHeight);
    helpY = bellButton.bottom() + pad + pad / 2 + small.getAscent();

    // The help's title and lines, then the key log's caption and panel down to the canvas's end.
    int helpBottom = helpY + InteractivePainter.HELP_LINES * captionHeight + small.getDescent();
    keyLogCaptionY = helpBottom + pad + small.getAscent();
    int logTop = helpBottom + pad + captionHeight + pad / 3;
    keyLogBox = Rect.ofCorners(rightX, Math.min(logTop, mainBottom), rightX + rightWidth,
        mainBottom);
    keyLogLine = Math.max(1, g.getFontMetrics(logFont).getHeight());
    int inset = 3;
    int lines = Math.max(0, (keyLogBox.height() - 2 * inset) / keyLogLine);
    keyLog = new Rect(keyLogBox.x() + inset, keyLogBox.y() + inset,
        Math.max(0, keyLogBox.width() - 2 * inset), lines * keyLogLine);
  }

  /** How many lines the key log shows. */
  int keyLogLines() {
    return keyLog.height() / keyLogLine;
  }

  /** The x of the right column, where the clipboard captions start. */
  int rightX() {
    return clipboardBox.x();
  }

  /** A font size that grows with the unit but stays readable on small desktops. */
  private int size(float factor, int minimum) {
    return Math.max(minimum, Math.round(unit * factor));
  }

  /** {@code factor} units, but at least {@code minimum} pixels (room for a font's line). */
  private int atLeast(float factor, int minimum) {
    return Math.max(minimum, Math.round(unit * factor));
  }
}
