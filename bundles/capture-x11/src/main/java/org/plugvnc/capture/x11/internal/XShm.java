package org.plugvnc.capture.x11.internal;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.platform.unix.X11.Visual;

/** The MIT-SHM extension (libXext): images the server writes into shared memory. */
interface XShm extends Library {


  /** {@code XShmSegmentInfo}; stays allocated while the segment is attached. */
  @FieldOrder({"shmseg", "shmid", "shmaddr", "readOnly"})
  class SegmentInfo extends Structure {
    public NativeLong shmseg = new NativeLong();
    public int shmid;
    public Pointer shmaddr;
    public int readOnly;
  }

  boolean XShmQueryExtension(Display display);

  /** Client side only: an {@code XImage*} over {@code data}; free it with XFree. */
  Pointer XShmCreateImage(Display display, Visual visual, int depth, int format, Pointer data,
      SegmentInfo info, int width, int height);

  boolean XShmAttach(Display display, SegmentInfo info);

  boolean XShmDetach(Display display, SegmentInfo info);

  boolean XShmGetImage(Display display, NativeLong drawable, Pointer image, int x, int y,
      NativeLong planeMask);
}
