package org.plugvnc.jmx.internal;

/** {@code org.plugvnc:type=Encoders}: the registered encoders. */
public interface EncodersMXBean {

  /** The encoders now, by encoding number. */
  EncoderView[] getEncoders();
}
