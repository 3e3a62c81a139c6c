package org.plugvnc.api.pixel;

/**
 * A position in framebuffer coordinates, origin top left. An immutable value.
 *
 * @param x column
 * @param y row
 */
public record Point(int x, int y) {}
