package org.plugvnc.client;

/** The Bell message (RFC 6143 7.6.3): it has no content. */
public record Bell() implements ServerMessage {
}
