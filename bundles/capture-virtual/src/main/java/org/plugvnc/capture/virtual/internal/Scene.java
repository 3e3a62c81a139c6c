package org.plugvnc.capture.virtual.internal;

import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;

/**
 * What the virtual desktop shows in one mode. Every method is called with the pixel lock held and
 * records what it changed in {@code out}; none blocks or calls foreign code.
 */
interface Scene {

  /** Becomes the visible scene, or the framebuffer was re-allocated: paint every pixel. */
  void show(SceneChanges out);

  /** Another scene is now visible: stop painting. */
  void hide();

  /** A viewer pressed or released a key. */
  void key(KeyEvent event, SceneChanges out);

  /** A viewer moved the pointer or changed its buttons. */
  void pointer(PointerEvent event, SceneChanges out);

  /** Called a few times a second while the desktop is started, for anything that moves by itself. */
  void tick(SceneChanges out);

  /** The cursor this scene wants now; compared by identity to detect changes. */
  CursorShape cursor();
}
