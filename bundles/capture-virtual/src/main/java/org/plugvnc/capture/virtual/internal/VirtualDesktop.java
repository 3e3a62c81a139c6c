package org.plugvnc.capture.virtual.internal;

import java.awt.Graphics2D;
import java.time.Clock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.display.Display;
import org.plugvnc.api.display.DisplaySurface;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.capture.virtual.internal.SceneChanges.Copied;
import org.plugvnc.capture.virtual.internal.SceneChanges.Damaged;
import org.plugvnc.capture.virtual.internal.SceneChanges.PixelChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default desktop, an application {@link Display} named {@code virtual}: the
 * interactive demo desktop or the shared test pattern, chosen by configuration, drawn with Java2D
 * into a picture of its own ({@link PixelBuffer}) that {@link #paint} hands to the engine.
 *
 * <p>Threads: the engine calls paint, input and the clipboard on its display thread; the clock
 * and the scrolling band tick on a {@link DesktopThread} while attached; configuration changes
 * come on a framework thread. All of them work under the picture's lock, and every change goes to
 * the surface in the same critical section that made it, so a paint never sees a state whose
 * move ({@link DisplaySurface#copyArea}) has not been told yet.
 */
@Component(
    service = Display.class,
    property = Display.PROPERTY_NAME + "=virtual",
    configurationPid = "org.plugvnc.capture.virtual")
@Designate(ocd = VirtualDesktopConfiguration.class)
public final class VirtualDesktop implements Display {

  /**
   * How often the scene may update itself: the clock repaints only when the second changes, the
   * test pattern's band scrolls one step per tick.
   */
  static final long TICK_MILLIS = 200;

  private static final Logger LOG = LoggerFactory.getLogger(VirtualDesktop.class);
  private static final long STOP_TIMEOUT_MILLIS = 2000;

  /** Work on the scene, run with the picture's lock held. */
  @FunctionalInterface
  private interface SceneTask {
    void run(SceneChanges out);
  }

  private final long tickMillis;
  private final PixelBuffer pixels;
  private final TestPatternScene testPattern;
  private final InteractiveScene interactive;
  private volatile DesktopSettings settings;
  private volatile Scene scene;
  private volatile CursorShape cursor;
  // Guarded by the picture's lock:
  private DisplaySurface surface;
  private DesktopThread ticker;

  /** Creates the picture at the configured size and paints it. */
  @Activate
  public VirtualDesktop(VirtualDesktopConfiguration config) {
    this(config, Clock.systemDefaultZone());
  }

  /** As the component constructor, with the clock shown in the header; for tests. */
  VirtualDesktop(VirtualDesktopConfiguration config, Clock clock) {
    this(config, clock, TICK_MILLIS);
  }

  /** As above, ticking every {@code tickMillis}: tests of the scrolling pattern run faster. */
  VirtualDesktop(VirtualDesktopConfiguration config, Clock clock, long tickMillis) {
    this.tickMillis = tickMillis;
    settings = DesktopSettings.from(config);
    pixels = new PixelBuffer(settings.width(), settings.height());
    testPattern = new TestPatternScene(pixels);
    testPattern.scroll(settings.scrollSteps(), settings.scrollPixels());
    interactive = new InteractiveScene(pixels, clock, settings.title());
    scene = sceneFor(settings.mode());
    cursor = scene.cursor();
    perform(out -> scene.show(out));
  }

  /**
   * Applies a new configuration: a new size resizes the surface; any other change repaints it.
   */
  @Modified
  void modified(VirtualDesktopConfiguration config) {
    DesktopSettings next = DesktopSettings.from(config);
    perform(out -> reconfigure(next, out));
  }

  @Deactivate
  void deactivate() {
    detached();
  }

  @Override
  public int width() {
    return pixels.width();
  }

  @Override
  public int height() {
    return pixels.height();
  }

  /** Copies the picture into {@code g}, which is clipped to {@code area}. */
  @Override
  public void paint(Graphics2D g, Rect area) {
    synchronized (pixels.lock()) {
      g.drawImage(pixels.image(), 0, 0, null);
    }
  }

  /** Shows everything afresh (a fresh test pattern, a current clock) and starts ticking. */
  @Override
  public void attached(DisplaySurface shownOn) {
    synchronized (pixels.lock()) {
      surface = shownOn;
      perform(out -> scene.show(out));
      if (ticker == null) {
        ticker = new DesktopThread(() -> perform(out -> scene.tick(out)), tickMillis);
      }
    }
    LOG.debug("virtual desktop attached, {}x{} {}", pixels.width(), pixels.height(),
        settings.mode().configValue());
  }

  @Override
  public void detached() {
    DesktopThread stopping;
    synchronized (pixels.lock()) {
      surface = null;
      stopping = ticker;
      ticker = null;
    }
    // Outside the lock: a tick in progress may be waiting for it.
    if (stopping != null && !stopping.shutdown(STOP_TIMEOUT_MILLIS)) {
      LOG.warn("virtual desktop ticker did not stop within {} ms", STOP_TIMEOUT_MILLIS);
    }
  }

  @Override
  public void key(KeyEvent event) {
    perform(out -> scene.key(event, out));
  }

  @Override
  public void pointer(PointerEvent event) {
    perform(out -> scene.pointer(event, out));
  }

  /** A viewer's clipboard text, shown in the interactive desktop's clipboard box. */
  @Override
  public void clipboard(String text) {
    perform(out -> interactive.clipboardChanged(text, out));
  }

  @Override
  public CursorShape cursor() {
    return cursor;
  }

  /** The interactive scene, for tests that need its layout. */
  InteractiveScene interactiveScene() {
    return interactive;
  }

  private Scene sceneFor(DesktopMode mode) {
    return mode == DesktopMode.TEST_PATTERN ? testPattern : interactive;
  }

  private void reconfigure(DesktopSettings next, SceneChanges out) {
    DesktopSettings previous = settings;
    settings = next;
    if (next.equals(previous)) {
      return;
    }
    interactive.retitle(next.title());
    testPattern.scroll(next.scrollSteps(), next.scrollPixels());
    if (next.width() != pixels.width() || next.height() != pixels.height()) {
      pixels.resize(next.width(), next.height());
      out.resized();
    }
    scene.hide();
    scene = sceneFor(next.mode());
    scene.show(out);
  }

  /**
   * Performs {@code task} under the picture's lock and tells the surface what it changed, in the
   * same critical section. A failure is logged: a failed tick must not end the clock.
   */
  private void perform(SceneTask task) {
    synchronized (pixels.lock()) {
      SceneChanges out = new SceneChanges();
      try {
        task.run(out);
      } catch (RuntimeException | java.awt.AWTError e) {
        LOG.warn("virtual desktop could not paint", e);
      }
      CursorShape now = scene.cursor();
      if (now != cursor) {
        cursor = now;
        out.cursorChanged(now);
      }
      if (surface != null) {
        report(out, surface);
      }
    }
  }

  private void report(SceneChanges out, DisplaySurface to) {
    if (out.wasResized()) {
      to.resize(pixels.width(), pixels.height());
    }
    for (PixelChange change : out.pixelChanges()) {
      if (change instanceof Copied copy) {
        to.copyArea(copy.target(), copy.source());
      } else {
        ((Damaged) change).region().rects().forEach(to::repaint);
      }
    }
    if (out.cursorWasChanged()) {
      to.cursor(out.cursor());
    }
    if (out.rangBell()) {
      to.bell();
    }
    if (out.clipboardText() != null) {
      to.clipboard(out.clipboardText());
    }
  }
}
