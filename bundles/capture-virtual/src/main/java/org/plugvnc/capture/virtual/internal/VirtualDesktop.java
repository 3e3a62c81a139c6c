package org.plugvnc.capture.virtual.internal;

import java.awt.AWTError;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.capture.CaptureBackend;
import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.capture.DesktopListener;
import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.capture.InputSink;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;
import org.plugvnc.api.clipboard.Clipboard;
import org.plugvnc.api.clipboard.ClipboardListener;
import org.plugvnc.capture.virtual.internal.SceneChanges.Copied;
import org.plugvnc.capture.virtual.internal.SceneChanges.Damaged;
import org.plugvnc.capture.virtual.internal.SceneChanges.PixelChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default desktop, drawn in memory with Java2D: the interactive demo desktop or the
 * shared test pattern, chosen by configuration.
 *
 * <p>Threads: all painting happens with the {@link PixelBuffer} lock held, so engine threads that
 * {@link Framebuffer#read} never see half a paint. While started, input and the clock run on one
 * {@link DesktopThread}, so engine I/O threads only queue. Listeners (the engine, the clipboard)
 * are called only after the lock is released. While stopped, configuration and clipboard changes
 * still repaint (on the caller's thread) but nothing is reported, and input is dropped.
 */
@Component(
    service = CaptureBackend.class,
    property = CaptureBackend.PROPERTY_NAME + "=virtual",
    configurationPid = "org.plugvnc.capture.virtual")
@Designate(ocd = VirtualDesktopConfiguration.class)
public final class VirtualDesktop implements CaptureBackend {

  /**
   * How often the scene may update itself: the clock repaints only when the second changes, the
   * test pattern's band scrolls one step per tick.
   */
  static final long TICK_MILLIS = 200;

  private static final Logger LOG = LoggerFactory.getLogger(VirtualDesktop.class);
  private static final long STOP_TIMEOUT_MILLIS = 2000;

  /** The thread and listener of one start..stop window, replaced as a whole. */
  private record Running(DesktopThread thread, DesktopListener listener) {}

  /** Work on the scene, run with the pixel lock held. */
  @FunctionalInterface
  private interface SceneTask {
    void run(SceneChanges out);
  }

  private final long tickMillis;
  private final PixelBuffer pixels;
  private final TestPatternScene testPattern;
  private final InteractiveScene interactive;
  private final InputSink input = new Input();
  private final ClipboardListener clipboardListener = (text, origin) -> refreshClipboard();
  private final AtomicReference<Clipboard> clipboard = new AtomicReference<>();
  private final Object lifecycle = new Object();
  private volatile DesktopSettings settings;
  /** The latest configuration, kept outside the desktop thread's queue, which stop() discards. */
  private volatile DesktopSettings requested;
  private volatile Scene scene;
  private volatile CursorShape cursor;
  private volatile Running running;

  /** Creates the framebuffer at the configured size and paints it. */
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
    requested = settings;
    pixels = new PixelBuffer(settings.width(), settings.height());
    testPattern = new TestPatternScene(pixels);
    testPattern.scroll(settings.scrollSteps(), settings.scrollPixels());
    interactive = new InteractiveScene(pixels, clock, settings.title());
    scene = sceneFor(settings.mode());
    cursor = scene.cursor();
    perform(out -> scene.show(out));
  }

  /**
   * Applies a new configuration: a new size re-allocates the framebuffer and is reported as
   * {@link DesktopListener#resized}; any other change repaints and reports full damage.
   */
  @Modified
  void modified(VirtualDesktopConfiguration config) {
    requested = DesktopSettings.from(config);
    submit(out -> reconfigure(requested, out));
  }

  @Deactivate
  void deactivate() {
    stop();
  }

  /** Shows the clipboard's text and follows its changes; a better clipboard replaces this one. */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindClipboard(Clipboard bound) {
    clipboard.set(bound);
    bound.addListener(clipboardListener);
    refreshClipboard();
  }

  void unbindClipboard(Clipboard unbound) {
    unbound.removeListener(clipboardListener);
    if (clipboard.compareAndSet(unbound, null)) {
      refreshClipboard();
    }
  }

  /**
   * Repaints the whole desktop (a fresh test pattern, a current clock), then starts the desktop
   * thread and reports to {@code listener} until {@link #stop}.
   *
   * @throws IllegalStateException if already started
   */
  @Override
  public void start(DesktopListener listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (lifecycle) {
      if (running != null) {
        throw new IllegalStateException("virtual desktop already started");
      }
      // Work queued before the last stop() may have been dropped: catch up before showing.
      perform(out -> {
        reconfigure(requested, out);
        showClipboard(out);
        scene.show(out);
      });
      running = new Running(new DesktopThread(() -> runSafely(out -> scene.tick(out)), tickMillis),
          listener);
      LOG.debug("virtual desktop started, {}x{} {}", pixels.width(), pixels.height(),
          settings.mode().configValue());
    }
  }

  @Override
  public void stop() {
    synchronized (lifecycle) {
      Running r = running;
      if (r == null) {
        return;
      }
      running = null;
      if (!r.thread().shutdown(STOP_TIMEOUT_MILLIS)) {
        LOG.warn("virtual desktop thread did not stop within {} ms", STOP_TIMEOUT_MILLIS);
      }
      LOG.debug("virtual desktop stopped");
    }
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
    return cursor;
  }

  /** Waits until the desktop thread has done all work queued so far; for tests. */
  void awaitIdle() throws InterruptedException, ExecutionException, TimeoutException {
    Running r = running;
    if (r != null) {
      r.thread().awaitIdle(STOP_TIMEOUT_MILLIS);
    }
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

  private void refreshClipboard() {
    submit(this::showClipboard);
  }

  private void showClipboard(SceneChanges out) {
    Clipboard current = clipboard.get();
    interactive.clipboardChanged(current == null ? null : current.text(), out);
  }

  /**
   * Runs {@code task} on the desktop thread while started, else right here. Work done here reports
   * to no listener (start() repaints everything anyway), and holds the life-cycle lock so that no
   * start() or stop() happens in between: a listener is never called after stop() returned.
   */
  private void submit(SceneTask task) {
    Running r = running;
    if (r != null && r.thread().execute(() -> runSafely(task))) {
      return;
    }
    synchronized (lifecycle) {
      try {
        deliverToClipboard(paint(task));
      } catch (RuntimeException | AWTError e) {
        LOG.warn("virtual desktop could not paint", e);
      }
    }
  }

  private void submitInput(SceneTask task) {
    Running r = running;
    if (r == null) {
      LOG.debug("input while the virtual desktop is stopped, dropped");
    } else if (!r.thread().executeInput(() -> runSafely(task))) {
      LOG.debug("virtual desktop input queue full or stopping, event dropped");
    }
  }

  /** Performs {@code task}, logging instead of throwing: a failed tick must not end the clock. */
  private void runSafely(SceneTask task) {
    try {
      perform(task);
    } catch (RuntimeException | AWTError e) {
      LOG.warn("virtual desktop could not paint", e);
    }
  }

  /**
   * Paints and reports under the pixel lock: the engine reads pixels under it too, so a copy it
   * reads the result of is already reported (see {@link DesktopListener#copied}). The clipboard is
   * told afterwards, outside the lock.
   */
  private void perform(SceneTask task) {
    SceneChanges out;
    synchronized (pixels.lock()) {
      out = paint(task);
      report(out);
    }
    deliverToClipboard(out);
  }

  private SceneChanges paint(SceneTask task) {
    SceneChanges out = new SceneChanges();
    synchronized (pixels.lock()) {
      task.run(out);
      CursorShape now = scene.cursor();
      if (now != cursor) {
        cursor = now;
        out.cursorChanged(now);
      }
    }
    return out;
  }

  private void deliverToClipboard(SceneChanges out) {
    Clipboard target = clipboard.get();
    if (out.clipboardText() != null && target != null) {
      target.setText(out.clipboardText(), this);
    }
  }

  /** Hands the changes to the listener, while started. */
  private void report(SceneChanges out) {
    Running r = running;
    if (r == null) {
      return;
    }
    DesktopListener listener = r.listener();
    if (out.wasResized()) {
      listener.resized(pixels.width(), pixels.height());
    }
    for (PixelChange change : out.pixelChanges()) {
      if (change instanceof Copied copy) {
        listener.copied(copy.target(), copy.source());
      } else {
        listener.damaged(((Damaged) change).region());
      }
    }
    if (out.cursorWasChanged()) {
      listener.cursorChanged(out.cursor());
    }
    if (out.rangBell()) {
      listener.bell();
    }
  }

  /** Queues viewers' input for the desktop thread; never blocks, never throws. */
  private final class Input implements InputSink {
    @Override
    public void key(KeyEvent event) {
      if (event != null) {
        submitInput(out -> scene.key(event, out));
      }
    }

    @Override
    public void pointer(PointerEvent event) {
      if (event != null) {
        submitInput(out -> scene.pointer(event, out));
      }
    }
  }
}
