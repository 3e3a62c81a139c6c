package org.plugvnc.engine.internal.testsupport;

import org.plugvnc.api.capture.CursorShape;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;
import org.plugvnc.api.pixel.Region;
import org.plugvnc.engine.internal.desktop.DesktopClient;

/** Attached to the hub only to hold its thread; takes no notice of the desktop. */
public final class IdleClient implements DesktopClient {

  @Override
  public void desktopDamaged(Region region) {}

  @Override
  public void desktopCopied(Rect target, Point source) {}

  @Override
  public void desktopResized(int width, int height) {}

  @Override
  public void desktopCursorChanged(CursorShape shape) {}

  @Override
  public void desktopBell() {}

  @Override
  public void desktopFailed(String reason) {}
}
