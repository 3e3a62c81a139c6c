package org.plugvnc.capture.awt.internal;

import java.awt.AWTError;
import java.awt.AWTException;
import java.awt.Rectangle;
import java.util.Objects;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.InputSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A screen Java can see, as a desktop: grabbed by {@link CaptureLoop}, played to by
 * {@link RobotInput}, its clipboard shared by {@link SystemClipboardBridge}. Registered by
 * {@link AwtBackendComponent} once AWT has opened the screen.
 *
 * <p>Threads: the engine's calls return at once; grabs run on the capture thread, input on the
 * input thread, clipboard reads on the clipboard thread, each started with {@link #start} (input's
 * at the first event) and ended with {@link #stop}. Settings may change at any time and apply
 * from the next tick.
 */
final class AwtCaptureBackend implements CaptureBackend {

  private static final Logger LOG = LoggerFactory.getLogger(AwtCaptureBackend.class);
  private static final long STOP_MILLIS = 2000;

  private final Object lifecycle = new Object();
  private final ScreenPixels pixels;
  private final PointerTracker pointer = new PointerTracker();
  private final RobotInput input;
  private volatile AwtSettings settings;
  private volatile ScreenGrabber screen;
  private CaptureLoop capture; // under lifecycle
  private volatile SystemClipboardBridge clipboard; // written under lifecycle
  private DesktopListener listener; // under lifecycle

  AwtCaptureBackend(ScreenGrabber screen, AwtSettings settings) {
    this.screen = screen;
    this.settings = settings;
    Rectangle bounds = screen.bounds();
    this.pixels = new ScreenPixels(bounds.width, bounds.height);
    this.input = new RobotInput(screen, pointer);
  }

  /** Takes new settings: a new screen is opened here, the clipboard follows its switch. */
  void update(AwtSettings next) {
    if (!next.screen().equals(screen.screen())) {
      try {
        ScreenGrabber opened = ScreenGrabber.open(next.screen());
        screen = opened;
        input.useScreen(opened);
      } catch (AWTException | RuntimeException | AWTError e) {
        LOG.warn("AWT backend cannot open screen '{}', keeping the one shown: {}", next.screen(),
            e.toString());
      }
    }
    synchronized (lifecycle) {
      boolean clipboardChanged = next.clipboard() != settings.clipboard()
          || next.clipboardLimit() != settings.clipboardLimit()
          || next.clipboardPollMillis() != settings.clipboardPollMillis();
      settings = next;
      if (listener != null && clipboardChanged) {
        stopClipboard();
        startClipboard();
      }
    }
  }

  /**
   * Grabs the screen once (tens of milliseconds), then starts the capture and clipboard threads.
   *
   * @throws IllegalStateException if already started, or if the screen cannot be grabbed
   */
  @Override
  public void start(DesktopListener desktop) {
    Objects.requireNonNull(desktop, "listener");
    synchronized (lifecycle) {
      if (listener != null) {
        throw new IllegalStateException("AWT backend already started");
      }
      try {
        CaptureLoop.captureOnce(screen, pixels, settings.tileSize(), null);
      } catch (RuntimeException | AWTError e) {
        throw new IllegalStateException("the AWT backend cannot grab the screen: " + e, e);
      }
      listener = desktop;
      pointer.forget();
      capture = new CaptureLoop(pixels, pointer, desktop, () -> settings, () -> screen);
      startClipboard();
      LOG.debug("AWT backend started, {}x{}", pixels.width(), pixels.height());
    }
  }

  @Override
  public void stop() {
    synchronized (lifecycle) {
      if (listener == null) {
        return;
      }
      listener = null;
      if (!capture.close(STOP_MILLIS)) {
        LOG.warn("AWT capture thread did not stop within {} ms", STOP_MILLIS);
      }
      capture = null;
      stopClipboard();
      input.releaseAll();
      LOG.debug("AWT backend stopped");
    }
  }

  /** Stops, and ends the input thread; the backend is not used again. */
  void dispose() {
    stop();
    input.close(STOP_MILLIS);
  }

  @Override
  public Framebuffer framebuffer() {
    return pixels;
  }

  @Override
  public InputSink input() {
    return input;
  }

  @Override
  public CursorShape cursor() {
    return ArrowCursor.SHAPE;
  }

  @Override
  public void clipboardFromViewer(String text) {
    SystemClipboardBridge bridge = clipboard;
    if (bridge != null && text != null) {
      bridge.fromViewer(text);
    }
  }

  @Override
  public String toString() {
    return "AWT backend '" + settings.name() + "'";
  }

  private void startClipboard() {
    AwtSettings s = settings;
    if (s.clipboard()) {
      DesktopListener desktop = listener;
      clipboard = new SystemClipboardBridge(desktop::clipboardChanged, s.clipboardLimit(),
          s.clipboardPollMillis());
    }
  }

  private void stopClipboard() {
    if (clipboard != null) {
      clipboard.close(STOP_MILLIS);
      clipboard = null;
    }
  }
}
