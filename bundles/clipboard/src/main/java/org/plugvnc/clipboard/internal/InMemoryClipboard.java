package org.plugvnc.clipboard.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.plugvnc.api.clipboard.Clipboard;
import org.plugvnc.api.clipboard.ClipboardListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clipboard as a string in memory, shared by every viewer and the desktop.
 *
 * <p>The text is a single volatile reference, so {@link #text()} never blocks and never sees a half
 * update. Listeners are told on the setter's thread, outside any lock, so a listener that calls back
 * into the clipboard cannot deadlock. Two concurrent {@link #setText} calls may reach listeners in
 * either order; the last write wins for {@link #text()}.
 *
 * <p>Text longer than the configured maximum is cut (never split inside a surrogate pair), which
 * bounds the memory a viewer can make the server hold. A configuration change applies at once and
 * keeps the text, cut to the new maximum.
 */
@Component(service = Clipboard.class, configurationPid = "org.plugvnc.clipboard")
@Designate(ocd = ClipboardConfiguration.class)
public final class InMemoryClipboard implements Clipboard {

  /** One mebi-character: enough for any pasted document, small enough to never hurt the heap. */
  static final int DEFAULT_MAX_LENGTH = 1_048_576;

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryClipboard.class);

  private volatile int maxLength;
  private final List<ClipboardListener> listeners = new CopyOnWriteArrayList<>();
  private final Object changes = new Object();
  private volatile String text = "";

  /** Reads the configuration; a negative maximum is logged and replaced by the default. */
  @Activate
  public InMemoryClipboard(ClipboardConfiguration config) {
    this(config.maxLength());
  }

  /** A clipboard keeping at most {@code maxLength} characters, for tests and plain Java use. */
  InMemoryClipboard(int maxLength) {
    this.maxLength = valid(maxLength);
  }

  /** The configuration changed: the new maximum applies from now on, and to the text kept. */
  @Modified
  void modified(ClipboardConfiguration config) {
    maxLength = valid(config.maxLength());
    synchronized (changes) {
      text = truncate(text);
    }
  }

  private static int valid(int maxLength) {
    if (maxLength < 0) {
      LOG.warn("maxLength {} is negative, using {}", maxLength, DEFAULT_MAX_LENGTH);
      return DEFAULT_MAX_LENGTH;
    }
    return maxLength;
  }

  @Override
  public String text() {
    return text;
  }

  /**
   * Stores {@code text} (cut to the maximum length) and tells every listener. A listener that throws
   * is logged and skipped; the others are still told. Storing and telling happen under one lock, so
   * listeners hear changes in the order the text took them and the last one they hear is
   * {@link #text()} (listeners return quickly, as their contract says).
   *
   * @throws NullPointerException if {@code text} is null
   */
  @Override
  public void setText(String text, Object origin) {
    Objects.requireNonNull(text, "text");
    String kept = truncate(text);
    synchronized (changes) {
      this.text = kept;
      for (ClipboardListener listener : listeners) {
        try {
          listener.clipboardChanged(kept, origin);
        } catch (RuntimeException e) {
          LOG.warn("clipboard listener {} failed", listener, e);
        }
      }
    }
  }

  @Override
  public void addListener(ClipboardListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeListener(ClipboardListener listener) {
    listeners.remove(listener);
  }

  private String truncate(String candidate) {
    int max = maxLength;
    if (candidate.length() <= max) {
      return candidate;
    }
    int end = max;
    if (end > 0 && Character.isHighSurrogate(candidate.charAt(end - 1))) {
      end--;
    }
    LOG.debug("clipboard text of {} characters cut to {}", candidate.length(), end);
    return candidate.substring(0, end);
  }
}
