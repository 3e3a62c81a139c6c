package org.plugvnc.encoders.tight.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.ByteOrder;
import org.plugvnc.api.encoding.Subsampling;

/**
 * JPEG through libjpeg-turbo's TurboJPEG API over JNA (Debian's libturbojpeg0 gives
 * libturbojpeg.so.0). Holds one TurboJPEG handle and two native buffers, grown as needed: the
 * rectangle's pixels, copied in row by row as 0x00RRGGBB ints in the machine's byte order, and the
 * JPEG output, sized by tjBufSize so TurboJPEG never reallocates it.
 *
 * <p>Only loaded when JNA is there: {@link JpegCompressors} catches the {@link LinkageError} of a
 * missing JNA or library and uses ImageIO.
 */
final class TurboJpegCompressor implements JpegCompressor {

  /** Library names tried in order: Debian's versioned file, then the plain name elsewhere. */
  private static final String[] LIBRARY_NAMES = {"libturbojpeg.so.0", "turbojpeg"};

  private static volatile TurboJpegLibrary library;

  private final TurboJpegLibrary tj;
  private final int pixelFormat;
  private Pointer handle;
  private Memory source;
  private Memory target;
  private final PointerByReference targetRef = new PointerByReference();
  private final NativeLongByReference targetSize = new NativeLongByReference();

  /**
   * A compressor with its own TurboJPEG handle.
   *
   * @throws UnsatisfiedLinkError if libturbojpeg cannot be loaded
   * @throws NoClassDefFoundError if JNA is missing
   * @throws IllegalStateException if TurboJPEG gives no handle
   */
  TurboJpegCompressor() {
    tj = load();
    pixelFormat = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
        ? TurboJpegLibrary.PF_BGRX : TurboJpegLibrary.PF_XRGB;
    handle = tj.tjInitCompress();
    if (handle == null) {
      throw new IllegalStateException("tjInitCompress failed");
    }
  }

  private static TurboJpegLibrary load() {
    TurboJpegLibrary loaded = library;
    if (loaded != null) {
      return loaded;
    }
    UnsatisfiedLinkError failure = null;
    for (String name : LIBRARY_NAMES) {
      try {
        loaded = Native.load(name, TurboJpegLibrary.class);
        library = loaded;
        return loaded;
      } catch (UnsatisfiedLinkError e) {
        failure = e;
      }
    }
    throw failure;
  }

  @Override
  public String name() {
    return "libjpeg-turbo";
  }

  @Override
  public void compress(int[] pixels, int offset, int stride, int width, int height, int quality,
      Subsampling subsampling, ByteSink out) {
    if (handle == null) {
      throw new IllegalStateException("compressor closed");
    }
    int samp = turboSubsampling(subsampling);
    long pitch = width * 4L;
    source = atLeast(source, pitch * height);
    for (int row = 0; row < height; row++) {
      source.write(row * pitch, pixels, offset + row * stride, width);
    }
    target = atLeast(target, tj.tjBufSize(width, height, samp).longValue());
    targetRef.setValue(target);
    targetSize.setValue(new NativeLong(target.size()));
    int result = tj.tjCompress2(handle, source, width, (int) pitch, height, pixelFormat,
        targetRef, targetSize, samp, Math.max(1, Math.min(100, quality)),
        TurboJpegLibrary.FLAG_NOREALLOC);
    if (result != 0) {
      throw new IllegalStateException("tjCompress2: " + tj.tjGetErrorStr2(handle));
    }
    int size = (int) targetSize.getValue().longValue();
    byte[] b = out.reserve(size);
    target.read(0, b, out.size(), size);
    out.advance(size);
  }

  private static int turboSubsampling(Subsampling s) {
    switch (s) {
      case NONE:
        return TurboJpegLibrary.SAMP_444;
      case TWO_X:
        return TurboJpegLibrary.SAMP_422;
      case GRAY:
        return TurboJpegLibrary.SAMP_GRAY;
      default:
        return TurboJpegLibrary.SAMP_420;
    }
  }

  /** {@code memory} if it holds {@code bytes}, else a new native buffer (the old one is freed). */
  private static Memory atLeast(Memory memory, long bytes) {
    if (memory != null && memory.size() >= bytes) {
      return memory;
    }
    if (memory != null) {
      memory.close();
    }
    return new Memory(Math.max(bytes, 4096));
  }

  @Override
  public void close() {
    if (handle != null) {
      tj.tjDestroy(handle);
      handle = null;
    }
    if (source != null) {
      source.close();
      source = null;
    }
    if (target != null) {
      target.close();
      target = null;
    }
  }
}
