package org.plugvnc.capture.x11.internal;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.platform.unix.X11.Atom;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.platform.unix.X11.Window;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one selection's text from its X owner (ICCCM 2.4): converts it to UTF8_STRING, falling
 * back to STRING when the owner refuses, and reads the property, also when it comes in pieces
 * (INCR). Every size the server states is checked against the bound before anything is read:
 * a text over {@code maxBytes} is refused, and an INCR transfer that grows past it is followed to
 * its end (each piece deleted unread, so the owner is not left waiting) and discarded. Used on the
 * clipboard's X thread only.
 */
final class SelectionReceiver {

  private enum State { IDLE, CONVERTING, INCREMENTAL }

  private static final Logger LOG = LoggerFactory.getLogger(SelectionReceiver.class);
  /** Read a property 64 KiB at a time, so that Xlib never allocates more at once. */
  private static final int PIECE_LONGS = 16 * 1024;
  private static final long TIMEOUT_NANOS = 10_000_000_000L;

  private final Display display;
  private final Window window;
  private final ClipboardAtoms atoms;
  private final Atom selection;
  private final Atom property;
  private final String name;
  private final int maxBytes;
  private final Consumer<String> received;
  private State state = State.IDLE;
  private Atom target;
  private Atom incrementalType;
  private ByteArrayOutputStream incoming;
  private boolean overflowed;
  private boolean again;
  private long deadline;
  private int incrementalTransfers;

  SelectionReceiver(Display display, Window window, ClipboardAtoms atoms, Atom selection,
      String name, int maxBytes, Consumer<String> received) {
    this.display = display;
    this.window = window;
    this.atoms = atoms;
    this.selection = selection;
    this.name = name;
    this.property = X11.INSTANCE.XInternAtom(display, "PLUGVNC_" + name, false);
    this.maxBytes = maxBytes;
    this.received = received;
  }

  Atom selection() {
    return selection;
  }

  /** How many transfers came in pieces (INCR) so far. */
  int incrementalTransfers() {
    return incrementalTransfers;
  }

  /** Another client owns the selection now: fetch its text (after the transfer under way). */
  void ownerChanged() {
    if (state != State.IDLE) {
      again = true;
      return;
    }
    convert(atoms.utf8String);
  }

  /** The owner answered our conversion. */
  void selectionNotify(X11.XSelectionEvent event) {
    if (state != State.CONVERTING || !event.target.equals(target)) {
      return; // an answer to a conversion given up
    }
    if (event.property.longValue() == X11.None) {
      if (target.equals(atoms.utf8String)) {
        convert(X11.XA_STRING);
      } else {
        LOG.debug("the owner of {} has no text", name);
        finish();
      }
      return;
    }
    readWhole();
  }

  /** A property of our window changed: the next piece of an INCR transfer, perhaps. */
  void propertyNotify(X11.XPropertyEvent event) {
    if (state != State.INCREMENTAL || !event.atom.equals(property)
        || event.state != X11.PropertyNewValue) {
      return;
    }
    deadline = System.nanoTime() + TIMEOUT_NANOS;
    PropertyInfo info = info();
    if (info.size == 0) {
      X11.INSTANCE.XDeleteProperty(display, window, property);
      if (overflowed) {
        LOG.warn("{} from an X client is over {} bytes (INCR): discarded", name, maxBytes);
      } else {
        deliver(incoming.toByteArray(), incrementalType);
      }
      finish();
    } else if (overflowed || incoming.size() + info.size > maxBytes) {
      overflowed = true;
      incoming = null;
      X11.INSTANCE.XDeleteProperty(display, window, property);
    } else {
      if (incrementalType == null) {
        incrementalType = info.type;
      }
      if (!readPieces(incoming, info.size)) {
        overflowed = true;
        incoming = null;
      }
    }
  }

  /** Gives up a transfer the owner stopped answering. */
  void checkTimeout() {
    if (state != State.IDLE && System.nanoTime() - deadline > 0) {
      LOG.warn("the owner of {} stopped answering; transfer given up", name);
      X11.INSTANCE.XDeleteProperty(display, window, property);
      finish();
    }
  }

  private void convert(Atom to) {
    state = State.CONVERTING;
    target = to;
    deadline = System.nanoTime() + TIMEOUT_NANOS;
    XlibExtraLibrary.INSTANCE.XConvertSelection(display, selection, to, property, window,
        new NativeLong(X11.CurrentTime));
  }

  private void readWhole() {
    PropertyInfo info = info();
    if (info.type.equals(atoms.incr)) {
      // The value is only a lower bound of the size; the pieces are checked as they come.
      state = State.INCREMENTAL;
      incrementalTransfers++;
      LOG.debug("{} comes in pieces (INCR)", name);
      incoming = new ByteArrayOutputStream();
      incrementalType = null;
      overflowed = false;
      deadline = System.nanoTime() + TIMEOUT_NANOS;
      X11.INSTANCE.XDeleteProperty(display, window, property); // starts the transfer
      return;
    }
    if (info.format != 8 || info.size > maxBytes) {
      LOG.warn("{} from an X client refused: {} bytes of format {} (at most {} bytes of text)",
          name, info.size, info.format, maxBytes);
      X11.INSTANCE.XDeleteProperty(display, window, property);
    } else {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) info.size);
      if (readPieces(out, info.size)) {
        deliver(out.toByteArray(), info.type);
      }
    }
    finish();
  }

  private void deliver(byte[] bytes, Atom type) {
    if (type != null && type.equals(X11.XA_STRING)) {
      received.accept(new String(bytes, StandardCharsets.ISO_8859_1));
    } else if (type == null || type.equals(atoms.utf8String)) {
      received.accept(new String(bytes, StandardCharsets.UTF_8));
    } else {
      LOG.warn("{} from an X client came as {}, not text: ignored", name,
          X11.INSTANCE.XGetAtomName(display, type));
    }
  }

  private void finish() {
    state = State.IDLE;
    incoming = null;
    if (again) {
      again = false;
      convert(atoms.utf8String);
    }
  }

  private record PropertyInfo(Atom type, int format, long size) {}

  /** The property's type, format and size in bytes, read without its value. */
  private PropertyInfo info() {
    X11.AtomByReference type = new X11.AtomByReference();
    IntByReference format = new IntByReference();
    NativeLongByReference items = new NativeLongByReference();
    NativeLongByReference after = new NativeLongByReference();
    PointerByReference data = new PointerByReference();
    XlibExtraLibrary.INSTANCE.XGetWindowProperty(display, window, property, new NativeLong(0),
        new NativeLong(0), 0, new Atom(X11.AnyPropertyType), type, format, items, after, data);
    free(data);
    Atom actual = type.getValue();
    return new PropertyInfo(actual == null ? new Atom(X11.None) : actual, format.getValue(),
        after.getValue().longValue());
  }

  /**
   * Reads {@code size} bytes of a format-8 property, 64 KiB at a time, deleting it with the last
   * piece. False when the property was not what was announced (then it is deleted, unread).
   */
  private boolean readPieces(ByteArrayOutputStream out, long size) {
    long offsetLongs = 0;
    long left = size;
    while (left > 0) {
      X11.AtomByReference type = new X11.AtomByReference();
      IntByReference format = new IntByReference();
      NativeLongByReference items = new NativeLongByReference();
      NativeLongByReference after = new NativeLongByReference();
      PointerByReference data = new PointerByReference();
      XlibExtraLibrary.INSTANCE.XGetWindowProperty(display, window, property,
          new NativeLong(offsetLongs), new NativeLong(PIECE_LONGS), 1,
          new Atom(X11.AnyPropertyType), type, format, items, after, data);
      long count = items.getValue().longValue();
      Pointer value = data.getValue();
      // The property may have changed under us: never take more than was announced.
      if (value == null || format.getValue() != 8 || count == 0 || count > left) {
        free(data);
        X11.INSTANCE.XDeleteProperty(display, window, property);
        LOG.warn("{} from an X client changed while read: discarded", name);
        return false;
      }
      out.write(value.getByteArray(0, (int) count), 0, (int) count);
      free(data);
      left -= count;
      offsetLongs += count / 4;
      if (after.getValue().longValue() == 0) {
        return true;
      }
    }
    // Longer than announced: not ours to read.
    X11.INSTANCE.XDeleteProperty(display, window, property);
    LOG.warn("{} from an X client grew while read: discarded", name);
    return false;
  }

  private static void free(PointerByReference data) {
    if (data.getValue() != null) {
      X11.INSTANCE.XFree(data.getValue());
    }
  }
}
