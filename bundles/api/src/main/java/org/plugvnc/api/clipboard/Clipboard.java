package org.plugvnc.api.clipboard;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The clipboard shared by the viewers and the desktop. A service; thread-safe.
 */
@ProviderType
public interface Clipboard {

  /** The current text, empty when nothing was set. Any thread; never blocks. */
  String text();

  /**
   * Sets the text and tells every listener, handing each {@code origin} so that a listener can skip
   * a change it made itself. Any thread; never blocks (listeners are told on the caller's thread
   * and must return quickly).
   *
   * @param text the new text; never {@code null}
   * @param origin who set it (a session, the desktop), handed to listeners as is
   */
  void setText(String text, Object origin);

  /** Tells {@code listener} of every later change until removed. Any thread. */
  void addListener(ClipboardListener listener);

  /** Stops telling {@code listener}. Any thread. */
  void removeListener(ClipboardListener listener);
}
