package org.plugvnc.capture.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.capture.virtual.internal.SceneChanges.Copied;
import org.plugvnc.capture.virtual.internal.SceneChanges.Damaged;
import org.plugvnc.capture.virtual.internal.SceneChanges.PixelChange;

/** Damage and copies come out in the order they went in, damage between copies merged. */
class SceneChangesTest {

  @Test
  void damageBeforeACopyIsReportedBeforeItAndDamageAfterItAfter() {
    SceneChanges out = new SceneChanges();
    out.damage(new Rect(0, 0, 4, 4));
    out.damage(new Rect(10, 0, 4, 4));
    out.copied(new Rect(0, 0, 20, 10), new Point(0, 5));
    out.damage(new Rect(0, 10, 20, 5));
    out.copied(new Rect(0, 0, 20, 10), new Point(0, 5));

    List<PixelChange> changes = out.pixelChanges();

    assertEquals(4, changes.size(), changes.toString());
    assertEquals(Region.of(new Rect(0, 0, 4, 4)).union(new Rect(10, 0, 4, 4)),
        ((Damaged) changes.get(0)).region());
    assertEquals(new Copied(new Rect(0, 0, 20, 10), new Point(0, 5)), changes.get(1));
    assertEquals(Region.of(new Rect(0, 10, 20, 5)), ((Damaged) changes.get(2)).region());
    assertTrue(changes.get(3) instanceof Copied);
  }

  @Test
  void nothingChangedReportsNothing() {
    assertTrue(new SceneChanges().pixelChanges().isEmpty());
  }

  @Test
  void damageAloneIsOneReport() {
    SceneChanges out = new SceneChanges();
    out.damage(new Rect(1, 1, 2, 2));
    out.damage(new Rect(5, 5, 2, 2));
    List<PixelChange> changes = out.pixelChanges();
    assertEquals(1, changes.size());
    assertEquals(8, ((Damaged) changes.get(0)).region().area());
  }
}
