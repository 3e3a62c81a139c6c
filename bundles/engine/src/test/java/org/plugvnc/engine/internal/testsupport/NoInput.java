package org.plugvnc.engine.internal.testsupport;

import org.plugvnc.api.capture.InputSink;
import org.plugvnc.api.capture.KeyEvent;
import org.plugvnc.api.capture.PointerEvent;

/** An input sink for test backends whose tests send no input: it drops everything. */
public final class NoInput implements InputSink {

  @Override
  public void key(KeyEvent event) {}

  @Override
  public void pointer(PointerEvent event) {}
}
