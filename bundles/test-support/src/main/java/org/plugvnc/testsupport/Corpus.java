package org.plugvnc.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.plugvnc.api.pixel.Rect;

/**
 * A deterministic corpus of desktop pictures for encoder tests and benchmarks: the same seed and
 * size always give the same pixels (0x00RRGGBB, row-major). Each scene stands for content a VNC
 * server meets: text on a page, flat UI, photographs, gradients, noise and solid fills.
 */
public enum Corpus {

  /** Dark glyph-like strokes on a light page: two colours plus a little anti-aliasing. */
  TEXT {
    @Override
    void paint(int[] px, int w, int h, SplittableRandom rnd) {
      fill(px, w, 0, 0, w, h, 0xFAFAF5);
      int[] ink = {0x202020, 0x5A5A5A, 0x9A9A9A, 0x1030A0};
      for (int line = 4; line + 12 < h; line += 17) {
        for (int x = 6; x + 8 < w; ) {
          int glyph = 4 + rnd.nextInt(5);
          for (int s = 0; s < 3; s++) {
            int gx = x + rnd.nextInt(glyph);
            int gy = line + rnd.nextInt(9);
            int len = 2 + rnd.nextInt(8);
            boolean vertical = rnd.nextBoolean();
            int colour = ink[rnd.nextInt(ink.length) & (rnd.nextInt(8) == 0 ? 3 : 0)];
            for (int i = 0; i < len; i++) {
              set(px, w, h, vertical ? gx : gx + i, vertical ? gy + i : gy, colour);
              if (i == len - 1) {
                set(px, w, h, vertical ? gx + 1 : gx + i, vertical ? gy + i : gy + 1, ink[2]);
              }
            }
          }
          x += glyph + 2 + (rnd.nextInt(6) == 0 ? 6 : 0);
        }
      }
    }
  },

  /** Windows, title bars, buttons and borders in a handful of flat colours. */
  FLAT_UI {
    @Override
    void paint(int[] px, int w, int h, SplittableRandom rnd) {
      fill(px, w, 0, 0, w, h, 0x2E3440);
      int[] palette = {0xECEFF4, 0xD8DEE9, 0x5E81AC, 0x88C0D0, 0xBF616A, 0xA3BE8C, 0x4C566A};
      for (int i = 0; i < 12; i++) {
        int ww = Math.max(1, w / 5 + rnd.nextInt(Math.max(1, w / 3)));
        int wh = Math.max(1, h / 5 + rnd.nextInt(Math.max(1, h / 3)));
        int x = rnd.nextInt(Math.max(1, w - ww / 2));
        int y = rnd.nextInt(Math.max(1, h - wh / 2));
        fill(px, w, x, y, ww, wh, palette[1]);
        fill(px, w, x, y, ww, Math.min(wh, 22), palette[2]);
        outline(px, w, h, x, y, ww, wh, palette[6]);
        for (int b = 0; b < 4; b++) {
          int bx = x + 8 + b * 70;
          int by = y + wh - 30;
          fill(px, w, bx, by, 60, 20, palette[3 + (b % 3)]);
          outline(px, w, h, bx, by, 60, 20, palette[0]);
        }
      }
    }
  },

  /** Smooth shapes with texture and a little sensor noise, like a photograph. */
  PHOTO {
    @Override
    void paint(int[] px, int w, int h, SplittableRandom rnd) {
      double a = rnd.nextDouble() * 6;
      double b = rnd.nextDouble() * 6;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double u = x / 97.0;
          double v = y / 61.0;
          double base = Math.sin(u + a) * Math.cos(v - b) + 0.5 * Math.sin(3.1 * u - 2.3 * v);
          int r = clamp(128 + 90 * base + 20 * Math.sin(x / 7.0) + rnd.nextInt(9) - 4);
          int g = clamp(110 + 70 * Math.cos(base + v) + rnd.nextInt(9) - 4);
          int bl = clamp(90 + 80 * Math.sin(base * 2 - u) + rnd.nextInt(9) - 4);
          px[y * w + x] = r << 16 | g << 8 | bl;
        }
      }
    }
  },

  /** Horizontal, vertical and diagonal colour ramps. */
  GRADIENT {
    @Override
    void paint(int[] px, int w, int h, SplittableRandom rnd) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int r = x * 255 / Math.max(1, w - 1);
          int g = y * 255 / Math.max(1, h - 1);
          int b = (x + y) * 255 / Math.max(1, w + h - 2);
          px[y * w + x] = r << 16 | g << 8 | b;
        }
      }
    }
  },

  /** Independent random colours: the worst case for every encoder. */
  NOISE {
    @Override
    void paint(int[] px, int w, int h, SplittableRandom rnd) {
      for (int i = 0; i < px.length; i++) {
        px[i] = rnd.nextInt() & 0xFFFFFF;
      }
    }
  },

  /** One colour. */
  SOLID {
    @Override
    void paint(int[] px, int w, int h, SplittableRandom rnd) {
      fill(px, w, 0, 0, w, h, 0x336699);
    }
  },

  /**
   * A desktop as a viewer sees it: a wallpaper photograph, a flat window with text, a gradient
   * panel, a noisy video-like area and solid margins, in proportions of an ordinary screen.
   */
  MIXED {
    @Override
    void paint(int[] px, int w, int h, SplittableRandom rnd) {
      PHOTO.paint(px, w, h, rnd);
      region(px, w, h, w / 20, h / 12, w / 2, h * 2 / 3, TEXT, rnd);
      region(px, w, h, w * 3 / 5, h / 10, w / 3, h / 3, FLAT_UI, rnd);
      region(px, w, h, w * 3 / 5, h / 2, w / 3, h / 8, GRADIENT, rnd);
      region(px, w, h, w * 3 / 5, h * 2 / 3, w / 4, h / 5, NOISE, rnd);
      fill(px, w, 0, h - Math.max(1, h / 27), w, Math.max(1, h / 27), 0x3B4252);
    }
  };

  abstract void paint(int[] px, int w, int h, SplittableRandom rnd);

  /** The scene at {@code width} x {@code height}, from {@code seed}. */
  public int[] pixels(int width, int height, long seed) {
    int[] px = new int[width * height];
    paint(px, width, height, new SplittableRandom(seed ^ ordinal() * 0x9E3779B97F4A7C15L));
    return px;
  }

  /** The scene as a framebuffer. */
  public ArrayFramebuffer framebuffer(int width, int height, long seed) {
    return new ArrayFramebuffer(width, height, pixels(width, height, seed));
  }

  /**
   * Rectangles to encode inside a {@code width} x {@code height} picture (at least 80 x 70): the
   * whole picture, tiny ones, odd sizes and edges that are not multiples of 16 or 64, thin rows and
   * columns, and ones touching each edge.
   */
  public static List<Rect> testRects(int width, int height) {
    List<Rect> rects = new ArrayList<>();
    rects.add(new Rect(0, 0, width, height));
    rects.add(new Rect(0, 0, 1, 1));
    rects.add(new Rect(width - 1, height - 1, 1, 1));
    rects.add(new Rect(3, 5, 2, 3));
    rects.add(new Rect(7, 9, 17, 15));
    rects.add(new Rect(1, 2, width - 3, 1));
    rects.add(new Rect(width / 2, 0, 1, height));
    rects.add(new Rect(5, 3, Math.min(width - 5, 65), Math.min(height - 3, 63)));
    rects.add(new Rect(width - 33, height - 31, 33, 31));
    rects.add(new Rect(11, 13, width - 11, height - 13));
    return rects;
  }

  static void region(int[] px, int w, int h, int x, int y, int rw, int rh, Corpus scene,
      SplittableRandom rnd) {
    rw = Math.min(rw, w - x);
    rh = Math.min(rh, h - y);
    if (rw <= 0 || rh <= 0) {
      return;
    }
    int[] part = new int[rw * rh];
    scene.paint(part, rw, rh, rnd);
    for (int r = 0; r < rh; r++) {
      System.arraycopy(part, r * rw, px, (y + r) * w + x, rw);
    }
  }

  static void fill(int[] px, int w, int x, int y, int rw, int rh, int colour) {
    int h = px.length / Math.max(1, w);
    for (int r = Math.max(0, y); r < Math.min(h, y + rh); r++) {
      for (int c = Math.max(0, x); c < Math.min(w, x + rw); c++) {
        px[r * w + c] = colour;
      }
    }
  }

  static void outline(int[] px, int w, int h, int x, int y, int rw, int rh, int colour) {
    for (int c = x; c < x + rw; c++) {
      set(px, w, h, c, y, colour);
      set(px, w, h, c, y + rh - 1, colour);
    }
    for (int r = y; r < y + rh; r++) {
      set(px, w, h, x, r, colour);
      set(px, w, h, x + rw - 1, r, colour);
    }
  }

  static void set(int[] px, int w, int h, int x, int y, int colour) {
    if (x >= 0 && y >= 0 && x < w && y < h) {
      px[y * w + x] = colour;
    }
  }

  static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
