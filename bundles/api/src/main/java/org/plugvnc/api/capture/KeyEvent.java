package org.plugvnc.api.capture;

/**
 * A key press or release.
 *
 * @param down true when pressed
 * @param keysym the X11 keysym (RFC 6143 7.5.4)
 * @param keycode the XT scan code when the viewer sent one (QEMU extended key event), else 0
 */
public record KeyEvent(boolean down, int keysym, int keycode) {}
