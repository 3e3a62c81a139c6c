package org.plugvnc.capture.awt.internal;

import java.awt.Toolkit;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWT system clipboard (on X11 the CLIPBOARD selection), shared with viewers, on a thread of
 * its own: reading it asks its owner, which may take long (AWT waits up to its own timeout).
 * Changes are found by polling, because AWT tells only of changed flavours, not of new text in
 * the same flavour. Text set by a viewer is remembered, so it is not reported back.
 *
 * <p>AWT reads the whole text into memory before it can be cut to the limit: the limit bounds
 * what reaches viewers, not what the clipboard's owner may hand over.
 */
final class SystemClipboardBridge {

  static final String THREAD_NAME = "plugvnc-awt-clipboard";

  private static final Logger LOG = LoggerFactory.getLogger(SystemClipboardBridge.class);

  private final ScheduledExecutorService thread;
  private final Consumer<String> toViewers;
  private final int limit;
  private String last; // clipboard thread only

  /** Starts polling every {@code pollMillis}; the text there now counts as seen. */
  SystemClipboardBridge(Consumer<String> toViewers, int limit, long pollMillis) {
    this.toViewers = toViewers;
    this.limit = limit;
    thread = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread t = new Thread(task, THREAD_NAME);
      t.setDaemon(true);
      return t;
    });
    thread.execute(() -> last = readSafely());
    thread.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  /** Puts a viewer's text on the system clipboard, on the clipboard thread. Never blocks. */
  void fromViewer(String text) {
    try {
      thread.execute(() -> {
        try {
          StringSelection selection = new StringSelection(text);
          clipboard().setContents(selection, selection);
          last = text;
        } catch (RuntimeException e) {
          LOG.debug("cannot set the system clipboard: {}", e.toString());
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("clipboard bridge stopped, viewer text dropped");
    }
  }

  /** Stops polling; waits up to {@code millis} for a read in progress. */
  void close(long millis) {
    thread.shutdownNow();
    try {
      thread.awaitTermination(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void poll() {
    String now = readSafely();
    if (now != null && !now.equals(last)) {
      last = now;
      toViewers.accept(ClipboardText.cut(now, limit));
    }
  }

  /** The clipboard's text, or null when it holds none or cannot be read now. */
  private String readSafely() {
    try {
      Clipboard clipboard = clipboard();
      if (!clipboard.isDataFlavorAvailable(DataFlavor.stringFlavor)) {
        return null;
      }
      return Objects.toString(clipboard.getData(DataFlavor.stringFlavor), null);
    } catch (UnsupportedFlavorException | IOException | RuntimeException e) {
      LOG.trace("cannot read the system clipboard: {}", e.toString());
      return null;
    }
  }

  private static Clipboard clipboard() {
    return Toolkit.getDefaultToolkit().getSystemClipboard();
  }
}
