/**
 * The client framebuffer and the rectangle decoders that fill it, one per encoding and one file
 * each, keyed by encoding number in a {@link org.plugvnc.client.decode.DecoderRegistry}:
 * Raw, CopyRect, RRE, CoRRE, Hextile, Zlib, Tight, TRLE, ZRLE, TightPNG and the Cursor,
 * DesktopSize and LastRect pseudo-encodings. Each is written from RFC 6143 and the community
 * rfbproto specification, whose rules the class comments quote; each length from the network is
 * bounded before anything is allocated, and malformed data is an
 * {@link org.plugvnc.client.RfbProtocolException} that names the rule. Decoders never see a
 * socket: they read from an {@link org.plugvnc.client.protocol.RfbInput}.
 */
package org.plugvnc.client.decode;
