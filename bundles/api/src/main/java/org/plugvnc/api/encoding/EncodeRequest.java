package org.plugvnc.api.encoding;

import org.plugvnc.api.capture.Framebuffer;
import org.plugvnc.api.pixel.Point;
import org.plugvnc.api.pixel.Rect;

/**
 * One rectangle to encode.
 *
 * @param rect the rectangle, inside the framebuffer
 * @param source the pixels to read, as 0x00RRGGBB; read only inside {@code rect}
 * @param pixels writes pixel values in the viewer's pixel format
 * @param copySource for copy encoders: where the pixels of {@code rect} were copied from (the
 *     viewer's framebuffer already holds them there); {@code null} for pixel encoders
 */
public record EncodeRequest(Rect rect, Framebuffer source, PixelWriter pixels, Point copySource) {}
