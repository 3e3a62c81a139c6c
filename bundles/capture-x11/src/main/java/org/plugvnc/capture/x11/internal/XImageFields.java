package org.plugvnc.capture.x11.internal;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * The public head of Xlib's {@code XImage} (jna-platform maps it as an opaque pointer): where the
 * pixels are and how they are laid out. The function table that follows is not read.
 */
@FieldOrder({"width", "height", "xoffset", "format", "data", "byteOrder", "bitmapUnit",
    "bitmapBitOrder", "bitmapPad", "depth", "bytesPerLine", "bitsPerPixel", "redMask",
    "greenMask", "blueMask", "obdata"})
public class XImageFields extends Structure {
  public int width;
  public int height;
  public int xoffset;
  public int format;
  public Pointer data;
  public int byteOrder;
  public int bitmapUnit;
  public int bitmapBitOrder;
  public int bitmapPad;
  public int depth;
  public int bytesPerLine;
  public int bitsPerPixel;
  public NativeLong redMask;
  public NativeLong greenMask;
  public NativeLong blueMask;
  public Pointer obdata;

  public XImageFields(Pointer image) {
    super(image);
    read();
  }
}
