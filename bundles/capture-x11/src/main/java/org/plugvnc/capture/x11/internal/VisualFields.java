package org.plugvnc.capture.x11.internal;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/** Xlib's {@code Visual} (opaque in jna-platform): its class and colour map size. */
@FieldOrder({"extData", "visualid", "visualClass", "redMask", "greenMask", "blueMask",
    "bitsPerRgb", "mapEntries"})
public class VisualFields extends Structure {
  public static final int STATIC_GRAY = 0;
  public static final int GRAY_SCALE = 1;
  public static final int STATIC_COLOR = 2;
  public static final int PSEUDO_COLOR = 3;

  public Pointer extData;
  public NativeLong visualid;
  public int visualClass;
  public NativeLong redMask;
  public NativeLong greenMask;
  public NativeLong blueMask;
  public int bitsPerRgb;
  public int mapEntries;

  public VisualFields(Pointer visual) {
    super(visual);
    read();
  }

  /** Whether pixels are colour map indexes rather than channel bits. */
  public boolean colourMapped() {
    return visualClass <= PSEUDO_COLOR;
  }
}
