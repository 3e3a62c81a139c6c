package org.plugvnc.capture.virtual.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.InputSink;
import org.plugvnc.engine.internal.display.DisplayBackend;

/**
 * The virtual desktop shown the way the engine shows it: through the engine's own display adapter,
 * so its tests read the pixels, copies and damage a viewer would get.
 */
final class VirtualBackend {

  final VirtualDesktop display;
  final DisplayBackend backend;

  VirtualBackend(VirtualDesktopConfiguration config) {
    this(new VirtualDesktop(config));
  }

  VirtualBackend(VirtualDesktopConfiguration config, Clock clock) {
    this(new VirtualDesktop(config, clock));
  }

  VirtualBackend(VirtualDesktopConfiguration config, Clock clock, long tickMillis) {
    this(new VirtualDesktop(config, clock, tickMillis));
  }

  private VirtualBackend(VirtualDesktop display) {
    this.display = display;
    backend = new DisplayBackend(display, "virtual");
  }

  /** Starts the backend; a mirroring viewer then reads the whole picture, as the engine does. */
  void start(DesktopListener listener) {
    backend.start(listener);
    if (listener instanceof TestSupport.MirrorViewer viewer) {
      viewer.fullUpdate();
    }
  }

  void stop() {
    backend.stop();
  }

  Framebuffer framebuffer() {
    return backend.framebuffer();
  }

  InputSink input() {
    return backend.input();
  }

  CursorShape cursor() {
    return backend.cursor();
  }

  void clipboardFromViewer(String text) {
    backend.clipboardFromViewer(text);
  }

  void modified(VirtualDesktopConfiguration config) {
    display.modified(config);
  }

  InteractiveScene interactiveScene() {
    return display.interactiveScene();
  }

  /** Waits until everything asked for so far is painted and every queued event handled. */
  void awaitIdle() throws InterruptedException {
    assertTrue(backend.awaitIdle(5000), "the display thread did not become idle");
  }
}
