package org.plugvnc.api.clipboard;

import org.osgi.annotation.versioning.ConsumerType;

/** Told when the {@link Clipboard}'s text changes. */
@ConsumerType
public interface ClipboardListener {

  /**
   * The text is now {@code text}, set by {@code origin}. Called on the setter's thread; returns
   * quickly and never blocks (hand the work to another thread).
   */
  void clipboardChanged(String text, Object origin);
}
