package org.plugvnc.api.capture;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.plugvnc.api.pixel.Rect;

/**
 * A desktop the server shows: a framebuffer that changes, a cursor, and an input sink. Registered as
 * a whiteboard service with {@link #PROPERTY_NAME}; the engine picks the one its configuration
 * names and falls back to another when that one goes away.
 *
 * <p>Life cycle: the engine calls {@link #start} when the first viewer of this desktop has
 * authenticated and {@link #stop} when the last one has gone (or the engine drops the backend). A
 * backend may be started and stopped many times. Between start and stop it reports every change
 * through the listener it was started with; outside that window it reports nothing.
 */
@ConsumerType
public interface CaptureBackend {

  /** Service property: the backend's name, such as {@code virtual}, {@code x11} or {@code awt}. */
  String PROPERTY_NAME = "plugvnc.backend";

  /**
   * Begins capturing and reporting to {@code listener}. Called by the engine on one of its threads,
   * never twice without a {@link #stop} in between. May block briefly (to open a display); must not
   * wait for a viewer. The listener's first expected call is nothing: the engine reads the whole
   * framebuffer for a viewer's first full update.
   *
   * @throws IllegalStateException if the backend cannot capture now; the engine logs it and closes
   *     the viewers of this desktop with that reason
   */
  void start(DesktopListener listener);

  /**
   * Stops capturing; after it returns the backend calls its listener no more. Called by the engine
   * on one of its threads. May block briefly. Never throws.
   */
  void stop();

  /**
   * The framebuffer to read pixels from. Valid from {@link #start} to {@link #stop}; its size is the
   * desktop's current size. Called from any engine thread; must not block for long.
   */
  Framebuffer framebuffer();

  /** Where keys and pointer events from viewers go. Called from any engine thread. */
  InputSink input();

  /**
   * A viewer asks for a new desktop size and screen layout (SetDesktopSize, rfbproto
   * ExtendedDesktopSize). Called by the engine on a session's I/O thread; must not block (start
   * the change and report it through {@link DesktopListener#resized} when done). The default
   * refuses: a backend that cannot resize on request need do nothing.
   *
   * @param width the requested framebuffer width
   * @param height the requested framebuffer height
   * @param screens the requested screens, at least one, inside the requested size
   * @return whether the request was taken
   */
  default ResizeResult setDesktopSize(int width, int height, List<Screen> screens) {
    return ResizeResult.PROHIBITED;
  }

  /**
   * The screens the desktop is made of now (ExtendedDesktopSize). Any engine thread; never
   * blocks. The default is one screen, id 0, covering the framebuffer.
   */
  default List<Screen> screens() {
    Framebuffer fb = framebuffer();
    return List.of(new Screen(0, new Rect(0, 0, fb.width(), fb.height()), 0));
  }

  /**
   * The cursor shape to show now, or {@code null} for none; later changes come through
   * {@link DesktopListener#cursorChanged}. Called from any engine thread; never blocks.
   */
  CursorShape cursor();

  /**
   * A viewer of this desktop set the clipboard to {@code text} (already within the configured
   * limit): a backend with a clipboard of its own (an X selection, the system clipboard) takes it
   * over. Called on a session's I/O thread; must not block. The default ignores it: the engine
   * still shares the text with the desktop's other viewers.
   *
   * @since 1.1
   */
  default void clipboardFromViewer(String text) {}
}
