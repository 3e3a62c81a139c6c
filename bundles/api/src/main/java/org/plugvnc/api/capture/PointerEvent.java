package org.plugvnc.api.capture;

/**
 * A pointer position with its buttons.
 *
 * @param buttonMask bit n set when button n+1 is down (1 left, 2 middle, 3 right, 4 and 5 the wheel)
 * @param x column, inside the framebuffer
 * @param y row, inside the framebuffer
 */
public record PointerEvent(int buttonMask, int x, int y) {}
