package org.plugvnc.capture.awt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;

class TileDamageTest {

  private static final int W = 100;
  private static final int H = 70;

  private static int[] frame() {
    int[] pixels = new int[W * H];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = 0xFF000000 | (i * 7919);
    }
    return pixels;
  }

  @Test
  void identicalFramesHaveNoDamage() {
    assertTrue(TileDamage.between(frame(), frame(), W, H, 16).isEmpty());
  }

  @Test
  void oneChangedPixelDamagesItsWholeTile() {
    int[] after = frame();
    after[37 * W + 50] ^= 1;

    Region damage = TileDamage.between(frame(), after, W, H, 16);

    assertEquals(Region.of(new Rect(48, 32, 16, 16)), damage);
  }

  @Test
  void edgeTilesAreCutToTheFrame() {
    int[] after = frame();
    after[H * W - 1] ^= 0x10;

    Region damage = TileDamage.between(frame(), after, W, H, 16);

    assertEquals(Region.of(new Rect(96, 64, 4, 6)), damage);
  }

  @Test
  void neighbouringTilesMergeAcrossAndDown() {
    int[] after = frame();
    for (int y = 20; y < 40; y++) {
      for (int x = 10; x < 40; x++) {
        after[y * W + x] = 0x123456;
      }
    }

    Region damage = TileDamage.between(frame(), after, W, H, 16);

    // tiles x 0..47, y 16..47: one rectangle
    assertEquals(List.of(new Rect(0, 16, 48, 32)), damage.rects());
  }

  @Test
  void separateChangesStaySeparate() {
    int[] after = frame();
    after[0] ^= 1;
    after[69 * W + 99] ^= 1;

    Region damage = TileDamage.between(frame(), after, W, H, 32);

    assertEquals(2, damage.rects().size());
    assertEquals(Region.of(new Rect(0, 0, 32, 32)).union(new Rect(96, 64, 4, 6)), damage);
  }

  @Test
  void scatteredChangesDamageExactlyTheTilesAPixelByPixelCheckFinds() {
    Random random = new Random(42);
    for (int round = 0; round < 50; round++) {
      int tile = 8 + random.nextInt(40);
      int[] before = frame();
      int[] after = frame();
      for (int n = random.nextInt(30); n > 0; n--) {
        after[random.nextInt(after.length)] ^= 1 + random.nextInt(0xFFFFFF);
      }

      Region expected = Region.EMPTY;
      for (int i = 0; i < after.length; i++) {
        if (before[i] != after[i]) {
          int tx = i % W / tile * tile;
          int ty = i / W / tile * tile;
          expected = expected.union(new Rect(tx, ty, Math.min(tile, W - tx), Math.min(tile, H - ty)));
        }
      }
      assertEquals(expected, TileDamage.between(before, after, W, H, tile), "tile " + tile);
    }
  }

  @Test
  void tooSmallFramesAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> TileDamage.between(new int[10], frame(), W, H, 16));
    assertThrows(IllegalArgumentException.class,
        () -> TileDamage.between(frame(), frame(), W, H, 0));
  }
}
