package org.plugvnc.capture.x11.internal;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.platform.unix.X11.Visual;
import org.plugvnc.api.pixel.Rect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads with MIT-SHM: the server writes the pixels into a System V shared memory segment of
 * screen size, so nothing large passes the socket. A server that cannot share memory with us (a
 * remote display, another IPC namespace) refuses the attach; {@link #open} then returns null and
 * the caller falls back to {@link GetImageGrabber}.
 */
final class ShmGrabber implements ScreenGrabber {

  private static final Logger LOG = LoggerFactory.getLogger(ShmGrabber.class);

  private final X11Libraries libs;
  private final Display display;
  private final NativeLong root;
  private final Visual visual;
  private final int depth;
  private final XShm.SegmentInfo segment;

  private ShmGrabber(X11Libraries libs, Display display, NativeLong root, Visual visual, int depth,
      XShm.SegmentInfo segment) {
    this.libs = libs;
    this.display = display;
    this.root = root;
    this.visual = visual;
    this.depth = depth;
    this.segment = segment;
  }

  /**
   * A grabber for screens up to {@code width x height}, or null when MIT-SHM is missing or the
   * server refuses to attach the segment.
   */
  static ShmGrabber open(X11Libraries libs, Display display, NativeLong root, Visual visual,
      int depth, int width, int height) {
    if (libs.shm == null || libs.sysv == null || !libs.shm.XShmQueryExtension(display)) {
      LOG.info("the X server has no MIT-SHM: capturing with XGetImage");
      return null;
    }
    XShm.SegmentInfo segment = new XShm.SegmentInfo();
    Pointer probe = libs.shm.XShmCreateImage(display, visual, depth, XlibExtras.Z_PIXMAP, null,
        segment, width, height);
    if (probe == null) {
      return null;
    }
    XImageFields f = new XImageFields(probe);
    long size = (long) f.bytesPerLine * f.height;
    libs.x11.XFree(probe);
    segment.shmid = libs.sysv.shmget(SysVShm.IPC_PRIVATE, new NativeLong(size),
        SysVShm.IPC_CREAT | 0600);
    if (segment.shmid < 0) {
      LOG.info("no shared memory segment of {} bytes: capturing with XGetImage", size);
      return null;
    }
    Pointer address = libs.sysv.shmat(segment.shmid, null, 0);
    if (address == null || Pointer.nativeValue(address) == -1L) {
      libs.sysv.shmctl(segment.shmid, SysVShm.IPC_RMID, null);
      return null;
    }
    segment.shmaddr = address;
    segment.readOnly = 0;
    segment.write();
    XErrorTrap.clearError(display);
    boolean attached = libs.shm.XShmAttach(display, segment);
    libs.x11.XSync(display, false);
    // Marked for removal now: it goes away with the last detach, even if this JVM dies.
    libs.sysv.shmctl(segment.shmid, SysVShm.IPC_RMID, null);
    if (!attached || XErrorTrap.lastError(display) != 0) {
      LOG.info("the X server refused shared memory (a remote display?): capturing with XGetImage");
      libs.sysv.shmdt(address);
      return null;
    }
    return new ShmGrabber(libs, display, root, visual, depth, segment);
  }

  @Override
  public Image grab(Rect area) {
    Pointer image = libs.shm.XShmCreateImage(display, visual, depth, XlibExtras.Z_PIXMAP,
        segment.shmaddr, segment, area.width(), area.height());
    if (image == null) {
      return null;
    }
    try {
      if (!libs.shm.XShmGetImage(display, root, image, area.x(), area.y(),
          GetImageGrabber.ALL_PLANES)) {
        return null;
      }
      XImageFields f = new XImageFields(image);
      return new Image(segment.shmaddr, f.bytesPerLine, f.width, f.height);
    } finally {
      // XShmCreateImage allocated only the header; the pixels are the segment's.
      libs.x11.XFree(image);
    }
  }

  @Override
  public String method() {
    return "MIT-SHM";
  }

  @Override
  public void close() {
    if (!XErrorTrap.broken(display)) {
      libs.shm.XShmDetach(display, segment);
      libs.x11.XSync(display, false);
    }
    libs.sysv.shmdt(segment.shmaddr);
  }
}
