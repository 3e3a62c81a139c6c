package org.plugvnc.client;

/**
 * The ServerCutText message (RFC 6143 7.6.4).
 *
 * @param text the text, decoded as ISO 8859-1 (Latin-1) as the specification says, so every
 *        received byte maps to exactly one char
 */
public record ServerCutText(String text) implements ServerMessage {
}
