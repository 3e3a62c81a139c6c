package org.plugvnc.capture.x11.internal;

import com.sun.jna.NativeLong;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/** Xlib's {@code XColor}: a colour map entry, 16 bits per channel. */
@FieldOrder({"pixel", "red", "green", "blue", "flags", "pad"})
public class XColor extends Structure {
  public NativeLong pixel = new NativeLong();
  public short red;
  public short green;
  public short blue;
  public byte flags;
  public byte pad;
}
