package org.plugvnc.api.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rect basics. */
class RectTest {

  @Test
  void cornersAndArea() {
    Rect r = Rect.ofCorners(2, 3, 7, 5);
    assertEquals(new Rect(2, 3, 5, 2), r);
    assertEquals(7, r.right());
    assertEquals(5, r.bottom());
    assertEquals(10, r.area());
    assertEquals(0, new Rect(0, 0, -3, 4).area());
    assertEquals(65535L * 65535L, new Rect(0, 0, 65535, 65535).area());
  }

  @Test
  void intersection() {
    Rect a = new Rect(0, 0, 10, 10);
    assertEquals(new Rect(5, 5, 5, 5), a.intersect(new Rect(5, 5, 10, 10)));
    assertTrue(a.intersect(new Rect(10, 0, 5, 5)).isEmpty(), "touching edges share no pixel");
    assertFalse(a.intersects(new Rect(0, 10, 5, 5)));
    assertTrue(a.intersects(new Rect(9, 9, 1, 1)));
    assertTrue(a.intersect(new Rect(20, 20, 1, 1)).isEmpty());
  }

  @Test
  void containment() {
    Rect a = new Rect(0, 0, 10, 10);
    assertTrue(a.contains(new Rect(0, 0, 10, 10)));
    assertTrue(a.contains(new Rect(100, 100, 0, 0)));
    assertFalse(a.contains(new Rect(5, 5, 6, 1)));
    assertFalse(a.contains(new Rect(-1, 0, 2, 2)));
  }

  @Test
  void unionIsTheBoundingBoxIgnoringEmptyOperands() {
    assertEquals(Rect.ofCorners(0, 0, 20, 15), new Rect(0, 0, 5, 5).union(new Rect(10, 10, 10, 5)));
    Rect a = new Rect(3, 4, 5, 6);
    assertEquals(a, a.union(new Rect(100, 100, 0, 0)));
    assertEquals(a, new Rect(-50, -50, 0, 3).union(a));
  }

  @Test
  void translate() {
    assertEquals(new Rect(-1, 7, 3, 4), new Rect(2, 2, 3, 4).translate(-3, 5));
  }
}
