package org.plugvnc.example.display;

import java.awt.Graphics2D;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.display.Display;
import org.plugvnc.api.display.DisplaySurface;
import org.plugvnc.api.pixel.Rect;

/**
 * The desktop {@code example}: three panels a click lights up or dims, and a row of ticks counting
 * key presses (yellow) and clicks (white), cleared when full; solid fills, so every pixel is known.
 * The engine calls all of it on one thread (no lock needed) and clips paint's {@code g} to area.
 */
@Component(property = Display.PROPERTY_NAME + "=example",
    configurationPolicy = ConfigurationPolicy.REQUIRE) // off until its PID is configured
public final class ExampleDisplay implements Display {

  private static final int[] DIM = {0xC03030, 0x30A050, 0x3060C0};
  private static final int[] LIT = {0xFF6060, 0x60FF90, 0x60A0FF};

  private final boolean[] lit = new boolean[3];
  private final int[] ticks = new int[20];
  private int count;
  private int buttons;
  private DisplaySurface surface;

  private static Rect panel(int i) {
    return new Rect(20 + 100 * i, 20, 80, 80);
  }

  private static Rect tick(int i) {
    return new Rect(20 + 14 * i, 130, 12, 16);
  }

  @Override
  public int width() {
    return 320;
  }

  @Override
  public int height() {
    return 200;
  }

  @Override
  public void attached(DisplaySurface shownOn) {
    surface = shownOn; // kept after detached(): the surface ignores calls then
  }

  @Override
  public void paint(Graphics2D g, Rect area) {
    fill(g, new Rect(0, 0, 320, 200), 0x202830);
    for (int i = 0; i < lit.length; i++) {
      fill(g, panel(i), lit[i] ? LIT[i] : DIM[i]);
    }
    for (int i = 0; i < count; i++) {
      fill(g, tick(i), ticks[i]);
    }
  }

  @Override
  public void key(KeyEvent event) {
    if (event.down()) {
      count(0xF0D040);
    }
  }

  @Override
  public void pointer(PointerEvent event) {
    boolean pressed = (event.buttonMask() & ~buttons & 1) != 0;
    buttons = event.buttonMask();
    for (int i = 0; pressed && i < lit.length; i++) { // a press of button 1 toggles its panel
      if (panel(i).contains(new Rect(event.x(), event.y(), 1, 1))) {
        lit[i] = !lit[i];
        surface.repaint(panel(i));
      }
    }
    if (pressed) {
      count(0xF0F0F0);
    }
  }

  private void count(int colour) {
    if (count == ticks.length) {
      count = 0;
      surface.repaint(tick(0).union(tick(ticks.length - 1)));
    }
    ticks[count] = colour;
    surface.repaint(tick(count++));
  }

  private static void fill(Graphics2D g, Rect r, int rgb) {
    g.setColor(new java.awt.Color(rgb));
    g.fillRect(r.x(), r.y(), r.width(), r.height());
  }
}
