package org.plugvnc.api.capture;

import org.plugvnc.api.pixel.Rect;

/**
 * One screen (monitor) of a desktop, as ExtendedDesktopSize describes it.
 *
 * @param id an identifier unique within the desktop, kept while the screen exists
 * @param area where the screen lies in the framebuffer
 * @param flags the screen's flags as sent on the wire (none are defined yet: 0)
 */
public record Screen(int id, Rect area, int flags) {}
