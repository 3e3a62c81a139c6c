package org.plugvnc.engine.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.plugvnc.api.clipboard.Clipboard;
import org.plugvnc.api.clipboard.ClipboardListener;

/**
 * One desktop's clipboard, shared by its viewers and its backend: text a viewer sets reaches the
 * desktop's other viewers and the backend's own clipboard (an X selection), and text the backend
 * reports reaches the viewers. The server's own desktop goes through the {@link Clipboard} service
 * while one is bound, so that other bundles see and set the same text; other desktops keep theirs
 * here, and never see each other's. Thread-safe; never blocks.
 */
final class DesktopClipboard implements Clipboard, ClipboardListener {

  /** The origin of text that came from the backend. */
  static final Object BACKEND = new Object() {
    @Override
    public String toString() {
      return "the desktop";
    }
  };

  private final Supplier<Clipboard> service;
  private final BiConsumer<String, Object> toViewers;
  private final Consumer<String> toBackend;
  private final List<ClipboardListener> listeners = new CopyOnWriteArrayList<>();
  private volatile String text = "";

  /**
   * @param service the Clipboard service this desktop shares, or a supplier of null
   * @param toViewers sends text to the desktop's viewers but its origin
   * @param toBackend hands text to the backend
   */
  DesktopClipboard(Supplier<Clipboard> service, BiConsumer<String, Object> toViewers,
      Consumer<String> toBackend) {
    this.service = service;
    this.toViewers = toViewers;
    this.toBackend = toBackend;
  }

  @Override
  public String text() {
    Clipboard s = service.get();
    return s != null ? s.text() : text;
  }

  @Override
  public void setText(String next, Object origin) {
    Clipboard s = service.get();
    if (s != null) {
      s.setText(next, origin); // its listener, this, shares it
    } else {
      clipboardChanged(next, origin);
    }
  }

  /** The backend's clipboard changed. */
  void fromBackend(String next) {
    setText(next, BACKEND);
  }

  /** The text changed: from a viewer, the backend, or (through the service) another bundle. */
  @Override
  public void clipboardChanged(String next, Object origin) {
    text = next;
    toViewers.accept(next, origin);
    if (origin != BACKEND) {
      toBackend.accept(next);
    }
    listeners.forEach(l -> l.clipboardChanged(next, origin));
  }

  @Override
  public void addListener(ClipboardListener l) {
    listeners.add(l);
  }

  @Override
  public void removeListener(ClipboardListener l) {
    listeners.remove(l);
  }
}
