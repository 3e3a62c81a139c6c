package org.plugvnc.client;

/**
 * The ServerInit message (RFC 6143 7.3.2).
 *
 * @param width framebuffer width in pixels
 * @param height framebuffer height in pixels
 * @param pixelFormat the server's natural pixel format, used until the client sets another
 * @param name the desktop name, decoded as UTF-8 (ASCII and most servers' names read the same)
 */
public record ServerInit(int width, int height, PixelFormat pixelFormat, String name) {
}
