/**
 * The client framebuffer and the rectangle decoders that fill it, one per encoding, keyed by
 * encoding number in a {@link org.plugvnc.client.decode.DecoderRegistry}. Decoders never see a
 * socket: they read from an {@link org.plugvnc.client.protocol.RfbInput}.
 */
package org.plugvnc.client.decode;
