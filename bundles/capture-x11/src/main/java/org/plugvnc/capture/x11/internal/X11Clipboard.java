package org.plugvnc.capture.x11.internal;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.platform.unix.X11.Atom;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.platform.unix.X11.Window;
import com.sun.jna.ptr.IntByReference;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The X clipboard both ways, CLIPBOARD and PRIMARY, on a connection and thread of its own (see
 * {@link XClientConnection} for why losing the X server never ends the JVM; X errors are logged).
 *
 * <p>Viewers' text ({@link #set}) makes a small unmapped window of ours the owner of both
 * selections; it answers TARGETS, UTF8_STRING, TEXT (as UTF8_STRING) and STRING (Latin-1, other
 * characters as '?'), and refuses other targets with property None. Text larger than one X
 * request (16 MiB with BIG-REQUESTS) is refused too: this side does not send INCR.
 *
 * <p>Text X clients copy is seen through XFixes selection-owner notifications and fetched by
 * {@link SelectionReceiver}, bounded by {@code maxBytes}; {@code changed} gets it on the X thread
 * (it should not block), never for text set here, nor twice in a row for the same text.
 */
public final class X11Clipboard implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(X11Clipboard.class);
  private static final NativeLong NOW = new NativeLong(X11.CurrentTime);

  private final int maxBytes;
  private final Consumer<String> changed;
  private final X11Thread thread;
  // Everything below is used on the X thread only.
  private Display display;
  private Window window;
  private ClipboardAtoms atoms;
  private List<SelectionReceiver> receivers;
  private int fixesEventBase = -1;
  private long maxRequestBytes;
  private final X11.XEvent event = new X11.XEvent();
  private byte[] utf8;
  private byte[] latin1;
  private String lastText;
  private volatile int incrementalTransfers;

  /**
   * Opens {@code displayName} (null for DISPLAY) for the clipboard; blocks until it is open (at
   * most 10 s). Call {@link #close()} when done.
   *
   * @param maxBytes the largest text, in bytes of UTF-8, taken from or given to X clients
   * @param changed gets the text an X client copied, on the clipboard's thread
   * @throws IllegalStateException when the display cannot be opened
   */
  public X11Clipboard(String displayName, int maxBytes, Consumer<String> changed) {
    this.maxBytes = maxBytes;
    this.changed = X11Thread.quiet(changed);
    thread = X11Thread.start("plugvnc-x11-clipboard", new X11Thread.Owner() {
      @Override
      public void opened(XClientConnection connection) {
        setUp(connection);
      }

      @Override
      public void poll() {
        readEvents();
      }

      @Override
      public void closing() {
        giveUp();
      }
    }, Duration.ofMillis(20), displayName);
  }

  /** Makes {@code text} the X clipboard and primary selection. Queued; never blocks. */
  public void set(String text) {
    thread.submit(() -> own(text));
  }

  /** False once the X server went away (logged) or after {@link #close()}. */
  public boolean connected() {
    return !thread.ended();
  }

  /** How many texts from X clients came in pieces (INCR) so far; any thread. */
  int incrementalTransfers() {
    return incrementalTransfers;
  }

  /** Gives up the selections and closes the display. */
  @Override
  public void close() {
    thread.stop(() -> {}, X11Thread.CLOSE_WAIT);
  }

  private void setUp(XClientConnection connection) {
    display = connection.display();
    atoms = new ClipboardAtoms(display);
    window = X11.INSTANCE.XCreateSimpleWindow(display, X11.INSTANCE.XDefaultRootWindow(display),
        -10, -10, 1, 1, 0, 0, 0);
    X11.INSTANCE.XSelectInput(display, window, new NativeLong(X11.PropertyChangeMask));
    long units = XlibExtraLibrary.INSTANCE.XExtendedMaxRequestSize(display).longValue();
    if (units == 0) {
      units = XlibExtraLibrary.INSTANCE.XMaxRequestSize(display).longValue();
    }
    maxRequestBytes = units * 4 - 64;
    Consumer<String> report = this::received;
    receivers = List.of(
        new SelectionReceiver(display, window, atoms, atoms.clipboard, "CLIPBOARD", maxBytes,
            report),
        new SelectionReceiver(display, window, atoms, atoms.primary, "PRIMARY", maxBytes, report));
    IntByReference eventBase = new IntByReference();
    IntByReference errorBase = new IntByReference();
    if (XFixesSelectionLibrary.INSTANCE.XFixesQueryExtension(display, eventBase, errorBase)) {
      XFixesSelectionLibrary.INSTANCE.XFixesQueryVersion(display, new IntByReference(5),
          new IntByReference(0));
      fixesEventBase = eventBase.getValue();
      for (SelectionReceiver receiver : receivers) {
        XFixesSelectionLibrary.INSTANCE.XFixesSelectSelectionInput(display, window,
            receiver.selection(),
            new NativeLong(XFixesSelectionLibrary.XFixesSetSelectionOwnerNotifyMask));
      }
    } else {
      LOG.warn("{} has no XFIXES extension: text copied by X clients will not reach viewers",
          connection.name());
    }
    X11.INSTANCE.XFlush(display);
  }

  private void own(String text) {
    byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
    if (encoded.length > maxBytes || encoded.length > maxRequestBytes) {
      LOG.warn("clipboard text of {} bytes not given to X clients (at most {})", encoded.length,
          Math.min(maxBytes, maxRequestBytes));
      return;
    }
    utf8 = encoded;
    latin1 = latin1(text);
    lastText = text;
    for (Atom selection : List.of(atoms.clipboard, atoms.primary)) {
      XlibExtraLibrary.INSTANCE.XSetSelectionOwner(display, selection, window, NOW);
      Window owner = XlibExtraLibrary.INSTANCE.XGetSelectionOwner(display, selection);
      if (owner == null || !owner.equals(window)) {
        LOG.warn("could not own the X selection {}", X11.INSTANCE.XGetAtomName(display,
            selection));
      }
    }
  }

  private void received(String text) {
    if (!text.equals(lastText)) {
      lastText = text;
      changed.accept(text);
    }
  }

  private void giveUp() {
    if (utf8 != null) {
      for (Atom selection : List.of(atoms.clipboard, atoms.primary)) {
        Window owner = XlibExtraLibrary.INSTANCE.XGetSelectionOwner(display, selection);
        if (owner != null && owner.equals(window)) {
          XlibExtraLibrary.INSTANCE.XSetSelectionOwner(display, selection,
              new Window(X11.None), NOW);
        }
      }
    }
    X11.INSTANCE.XDestroyWindow(display, window);
    X11.INSTANCE.XFlush(display);
  }

  private void readEvents() {
    while (X11.INSTANCE.XPending(display) > 0) {
      X11.INSTANCE.XNextEvent(display, event);
      dispatch();
    }
    int pieces = 0;
    for (SelectionReceiver receiver : receivers) {
      receiver.checkTimeout();
      pieces += receiver.incrementalTransfers();
    }
    incrementalTransfers = pieces;
    X11.INSTANCE.XFlush(display);
  }

  private void dispatch() {
    switch (event.type) {
      case X11.SelectionRequest -> answer(read(X11.XSelectionRequestEvent.class));
      case X11.SelectionClear -> LOG.debug("an X client took a selection from us");
      case X11.SelectionNotify -> {
        X11.XSelectionEvent notify = read(X11.XSelectionEvent.class);
        receiverOf(notify.selection.longValue()).selectionNotify(notify);
      }
      case X11.PropertyNotify -> {
        X11.XPropertyEvent property = read(X11.XPropertyEvent.class);
        for (SelectionReceiver receiver : receivers) {
          receiver.propertyNotify(property);
        }
      }
      default -> {
        if (fixesEventBase >= 0
            && event.type == fixesEventBase + XFixesSelectionLibrary.XFixesSelectionNotify) {
          ownerChanged(new XFixesSelectionLibrary.XFixesSelectionNotifyEvent(event.getPointer()));
        }
      }
    }
  }

  private void ownerChanged(XFixesSelectionLibrary.XFixesSelectionNotifyEvent notify) {
    long owner = notify.owner.longValue();
    if (owner == X11.None || owner == window.longValue()) {
      return; // no text, or our own
    }
    receiverOf(notify.selection.longValue()).ownerChanged();
  }

  private SelectionReceiver receiverOf(long selection) {
    return selection == atoms.clipboard.longValue() ? receivers.get(0) : receivers.get(1);
  }

  private void answer(X11.XSelectionRequestEvent request) {
    Atom property = request.property.longValue() == X11.None ? request.target
        : request.property;
    boolean given = utf8 != null && request.owner.equals(window) && give(request, property);
    X11.XEvent reply = new X11.XEvent();
    reply.setType(X11.XSelectionEvent.class);
    X11.XSelectionEvent notify = reply.xselection;
    notify.type = X11.SelectionNotify;
    notify.display = display;
    notify.requestor = request.requestor;
    notify.selection = request.selection;
    notify.target = request.target;
    notify.property = given ? property : new Atom(X11.None);
    notify.time = request.time;
    reply.write();
    X11.INSTANCE.XSendEvent(display, request.requestor, 0, new NativeLong(0), reply);
  }

  /** Writes the text in the requested target to the requestor's property; false if refused. */
  private boolean give(X11.XSelectionRequestEvent request, Atom property) {
    Atom target = request.target;
    if (target.equals(atoms.targets)) {
      Atom[] offered = {atoms.targets, atoms.utf8String, X11.XA_STRING, atoms.text};
      Memory list = new Memory((long) offered.length * NativeLong.SIZE);
      for (int i = 0; i < offered.length; i++) {
        list.setNativeLong((long) i * NativeLong.SIZE, offered[i]);
      }
      X11.INSTANCE.XChangeProperty(display, request.requestor, property, X11.XA_ATOM, 32,
          X11.PropModeReplace, list, offered.length);
      return true;
    }
    byte[] bytes;
    Atom type;
    if (target.equals(atoms.utf8String) || target.equals(atoms.text)) {
      bytes = utf8;
      type = atoms.utf8String;
    } else if (target.equals(X11.XA_STRING)) {
      bytes = latin1;
      type = X11.XA_STRING;
    } else {
      return false;
    }
    Pointer data = Pointer.NULL;
    if (bytes.length > 0) {
      Memory memory = new Memory(bytes.length);
      memory.write(0, bytes, 0, bytes.length);
      data = memory;
    }
    X11.INSTANCE.XChangeProperty(display, request.requestor, property, type, 8,
        X11.PropModeReplace, data, bytes.length);
    return true;
  }

  private <T> T read(Class<T> type) {
    event.setType(type);
    event.read();
    return type.cast(event.getTypedValue(type));
  }

  private static byte[] latin1(String text) {
    return text.codePoints()
        .map(cp -> cp <= 0xff ? cp : '?')
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString()
        .getBytes(StandardCharsets.ISO_8859_1);
  }
}
