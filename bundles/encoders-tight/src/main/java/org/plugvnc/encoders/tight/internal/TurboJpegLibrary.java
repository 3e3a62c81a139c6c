package org.plugvnc.encoders.tight.internal;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of libjpeg-turbo's TurboJPEG C API (turbojpeg.h, the 2.x functions every 2.x and 3.x
 * library exports) that compression needs, bound through JNA.
 */
interface TurboJpegLibrary extends Library {

  /** TJPF_BGRX: B, G, R, unused, one byte each: a little-endian 0x00RRGGBB int. */
  int PF_BGRX = 3;
  /** TJPF_XRGB: unused, R, G, B: a big-endian 0x00RRGGBB int. */
  int PF_XRGB = 5;
  /** TJSAMP_444, TJSAMP_422, TJSAMP_420, TJSAMP_GRAY. */
  int SAMP_444 = 0;
  int SAMP_422 = 1;
  int SAMP_420 = 2;
  int SAMP_GRAY = 3;
  /** TJFLAG_NOREALLOC: compress into the caller's buffer of tjBufSize() bytes. */
  int FLAG_NOREALLOC = 1024;

  /** {@code tjhandle tjInitCompress(void)}: a compressor, or NULL. */
  Pointer tjInitCompress();

  /**
   * {@code int tjCompress2(tjhandle, const unsigned char *srcBuf, int width, int pitch, int height,
   * int pixelFormat, unsigned char **jpegBuf, unsigned long *jpegSize, int jpegSubsamp,
   * int jpegQual, int flags)}: 0 on success, -1 on error.
   */
  int tjCompress2(Pointer handle, Pointer srcBuf, int width, int pitch, int height,
      int pixelFormat, PointerByReference jpegBuf, NativeLongByReference jpegSize,
      int jpegSubsamp, int jpegQual, int flags);

  /** {@code unsigned long tjBufSize(int width, int height, int jpegSubsamp)}: the worst case. */
  NativeLong tjBufSize(int width, int height, int jpegSubsamp);

  /** {@code char *tjGetErrorStr2(tjhandle)}: the last error of that handle. */
  String tjGetErrorStr2(Pointer handle);

  /** {@code int tjDestroy(tjhandle)}. */
  int tjDestroy(Pointer handle);
}
